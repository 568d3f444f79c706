package org.tongban.bench;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.facility.FacilityId;
import org.tongban.facility.FacilityRegistry;
import org.tongban.facility.GeneratedFacilities;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.identity.internal.StaffUser;
import org.tongban.shared.RegionCode;

/**
 * The indicator benchmark (bench/indicators.sh), against the PostgreSQL server in {@code SPRING_DATASOURCE_URL}:
 * <ul>
 *   <li>{@code prepare <scale> <elders> <visitsPerElder>}: generated facilities (their facts recorded as they are
 *   inserted), older people on the visit register in every village and their visits, by SQL, all generated;</li>
 *   <li>{@code measure <seconds> <changesPerSecond>}: the full recompute of every fact for every region and month,
 *   the one-query GROUP BY ROLLUP of the same facts from the same tables, and the latency from a committed
 *   change (a place taken or freed) to its value being visible, under a steady stream of changes.</li>
 * </ul>
 */
public final class IndicatorLoad {

  private IndicatorLoad() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "prepare" -> prepare(Double.parseDouble(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      case "measure" -> measure(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static void signIn() {
    var clerk = new StaffUser("bench-indicators", "{noop}unused", true, List.of(new SimpleGrantedAuthority("ROLE_STAFF")),
        Set.of(new Scope(null, Scope.ANY_DEPARTMENT, Purpose.CAPTURE)), null, "bench-indicators");
    SecurityContextHolder.getContext().setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(clerk, null, clerk.getAuthorities()));
  }

  static void prepare(double scale, int elders, int visitsPerElder) {
    try (var context = BenchPlatform.start("tongban.demo.offices=false")) {
      signIn();
      var jdbc = context.getBean(JdbcClient.class);
      long t0 = System.nanoTime();
      long facilities = context.getBean(GeneratedFacilities.class).generate(scale, 2020);
      System.out.printf("RESULT generated %d facilities in %.1f s%n", facilities, (System.nanoTime() - t0) / 1e9);
      t0 = System.nanoTime();
      jdbc.sql("""
          insert into eldercare.elder (id, person, region_code, categories, since, registered_by)
          select gen_random_uuid(), gen_random_uuid(), v.code, '{LIVING_ALONE}', date '2021-01-01' + (g % 900),
            'bench（生成）'
          from (select code, row_number() over (order by code) n from region.region where level = 5 and valid_to is null) v,
            generate_series(1, ceil(?::numeric / (select count(*) from region.region where level = 5))::int) g
          """).param(elders).update();
      jdbc.sql("""
          insert into eldercare.visit (id, elder_id, region_code, visited_on, visitor, findings)
          select gen_random_uuid(), e.id, e.region_code, e.since + g * 30 + (hashtext(e.id::text) & 15), 'bench',
            '生成的探访记录'
          from eldercare.elder e, generate_series(0, ? - 1) g where e.registered_by = 'bench（生成）'
          """).param(visitsPerElder).update();
      jdbc.sql("analyze eldercare.visit").update();
      jdbc.sql("analyze eldercare.elder").update();
      System.out.printf("RESULT inserted %d elders and %d visits (generated) in %.1f s%n",
          jdbc.sql("select count(*) from eldercare.elder").query(Long.class).single(),
          jdbc.sql("select count(*) from eldercare.visit").query(Long.class).single(), (System.nanoTime() - t0) / 1e9);
      System.out.printf("RESULT facility fact changes staged while generating: %d%n",
          jdbc.sql("select count(*) from indicator.fact_delta").query(Long.class).single()
              + jdbc.sql("select count(*) from indicator.fact_value").query(Long.class).single());
    }
  }

  static void measure(int seconds, int perSecond) throws Exception {
    try (var context = BenchPlatform.start("tongban.demo.offices=false")) {
      signIn();
      var jdbc = context.getBean(JdbcClient.class);
      var indicators = context.getBean(IndicatorManagement.class);
      var registry = context.getBean(FacilityRegistry.class);
      // 1. The full recompute, twice (the second with a warm cache).
      for (int run = 1; run <= 2; run++) {
        long t0 = System.nanoTime();
        long rows = indicators.recompute();
        System.out.printf("RESULT recompute run %d: %.1f s, %d (fact, region, month) values from the sources%n", run,
            (System.nanoTime() - t0) / 1e9, rows);
      }
      System.out.printf("RESULT fact values stored: %d%n",
          jdbc.sql("select count(*) from indicator.fact_value").query(Long.class).single());
      // 2. The limit: the same facts in one SQL statement per source table, GROUP BY ROLLUP over the five levels.
      for (int run = 1; run <= 2; run++) {
        long t0 = System.nanoTime();
        long groups = jdbc.sql("""
            select count(*) from (
              select type, m, p, c, k, t, v, sum(capacity), sum(occupied), count(*) from (
                select type, date_trunc('month', opened_on) as m, substr(region_code, 1, 2) p, substr(region_code, 1, 4) c,
                  substr(region_code, 1, 6) k, substr(region_code, 1, 9) t, region_code v, capacity, occupied
                from facility.facility where opened_on is not null) f
              group by type, m, rollup (p, c, k, t, v)) x""").query(Long.class).single();
        groups += jdbc.sql("""
            select count(*) from (
              select m, p, c, k, t, v, count(distinct elder_id) from (
                select date_trunc('month', visited_on) as m, elder_id, substr(region_code, 1, 2) p,
                  substr(region_code, 1, 4) c, substr(region_code, 1, 6) k, substr(region_code, 1, 9) t, region_code v
                from eldercare.visit) x
              group by m, rollup (p, c, k, t, v)) y""").query(Long.class).single();
        groups += jdbc.sql("""
            select count(*) from (select m, p, c, k, t, v, count(*) from (
                select date_trunc('month', since) as m, substr(region_code, 1, 2) p, substr(region_code, 1, 4) c,
                  substr(region_code, 1, 6) k, substr(region_code, 1, 9) t, region_code v from eldercare.elder) x
              group by m, rollup (p, c, k, t, v)) y""").query(Long.class).single();
        System.out.printf("RESULT rollup run %d: %.1f s, %d groups%n", run, (System.nanoTime() - t0) / 1e9, groups);
      }
      // 3. Latency from a committed change to the visible value, under perSecond changes a second.
      record Target(UUID id, String type, String township) {}
      var pool = new ArrayList<Target>(jdbc.sql("""
          select distinct on (substr(region_code, 1, 9)) id, type, substr(region_code, 1, 9) from facility.facility
          where status = 'OPEN' and capacity > occupied + 1 and occupied > 1 and opened_on < date '2026-01-01'
          order by substr(region_code, 1, 9), id""")
          .query((rs, i) -> new Target(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list());
      Collections.shuffle(pool);
      System.out.printf("RESULT latency: %d facilities in distinct townships take turns%n", pool.size());
      var latencies = new ConcurrentLinkedQueue<Long>();
      var failures = new AtomicInteger();
      var refused = new AtomicInteger();
      var next = new AtomicInteger();
      var month = YearMonth.of(2026, 12);
      var auth = SecurityContextHolder.getContext().getAuthentication();
      try (var scheduler = Executors.newScheduledThreadPool(1); var workers = Executors.newVirtualThreadPerTaskExecutor()) {
        var ticker = scheduler.scheduleAtFixedRate(() -> workers.submit(() -> {
          SecurityContextHolder.getContext().setAuthentication(auth);
          var target = pool.get(next.getAndIncrement() % pool.size());
          String fact = "facility.occupied:" + target.type();
          var township = RegionCode.of(target.township());
          try {
            long before = indicators.value(fact, township, month);
            var facility = registry.view(new FacilityId(target.id()));
            // Admit when nobody could leave, release when the kindergarten is full: every change changes something.
            boolean admit = facility.occupied() == 0 || (facility.free() != null && facility.free() > 0
                && ThreadLocalRandom.current().nextBoolean());
            try {
              if (admit) registry.admit(facility.id());
              else registry.release(facility.id());
            } catch (FacilityRegistry.NoFreePlace e) {
              refused.incrementAndGet();
              return;
            }
            long committed = System.nanoTime();
            long expected = before + (admit ? 1 : -1);
            while (indicators.value(fact, township, month) != expected) {
              if (System.nanoTime() - committed > 10_000_000_000L) {
                failures.incrementAndGet();
                return;
              }
              Thread.sleep(5);
            }
            latencies.add(System.nanoTime() - committed);
          } catch (Exception e) {
            failures.incrementAndGet();
          }
        }), 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        Thread.sleep(seconds * 1000L);
        ticker.cancel(false);
      }
      var sorted = latencies.stream().sorted().toList();
      System.out.printf("RESULT latency committed → visible under %d changes/s for %d s: %d changes, p50 %.0f ms, p99 %.0f ms,"
              + " max %.0f ms, %d refused (no free place), %d not seen within 10 s or failed%n", perSecond, seconds,
          sorted.size(), percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.getLast() / 1e6,
          refused.get(), failures.get());
      System.out.printf("RESULT after the stream, incremental values differ from a recompute in %d places%n",
          indicators.differences());
    }
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) return 0;
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
  }
}
