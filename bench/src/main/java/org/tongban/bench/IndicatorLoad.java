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
import java.util.concurrent.locks.LockSupport;
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
 *   change (a place taken or freed) to its value being visible, under a steady stream of changes;</li>
 *   <li>{@code more-facilities <scale> <seed>}: more generated facilities on prepared data.</li>
 * </ul>
 */
public final class IndicatorLoad {

  private IndicatorLoad() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "prepare" -> prepare(Double.parseDouble(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      case "measure" -> measure(Integer.parseInt(args[1]), Integer.parseInt(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 2);
      case "more-facilities" -> moreFacilities(Double.parseDouble(args[1]), Long.parseLong(args[2]));
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

  /** More generated facilities (another seed) on prepared data, to reach a named number of facts. */
  static void moreFacilities(double scale, long seed) {
    try (var context = BenchPlatform.start("tongban.demo.offices=false")) {
      signIn();
      long facilities = context.getBean(GeneratedFacilities.class).generate(scale, seed);
      context.getBean(IndicatorManagement.class).applyNow();
      long[] facts = {0};
      context.getBean(org.tongban.facility.internal.FacilityFacts.class).currentFacts(c -> facts[0]++);
      System.out.printf("RESULT generated %d more facilities; the facilities' facts (changes from nothing) now %d%n",
          facilities, facts[0]);
    }
  }

  static void measure(int seconds, int perSecond, int runs) throws Exception {
    try (var context = BenchPlatform.start("tongban.demo.offices=false")) {
      signIn();
      var jdbc = context.getBean(JdbcClient.class);
      var indicators = context.getBean(IndicatorManagement.class);
      var registry = context.getBean(FacilityRegistry.class);
      // 1 and 2, side by side: the limit (the same facts in one SQL statement per source table, GROUP BY ROLLUP over
      // the five levels, not written anywhere) and the full recompute of every fact for every region and month, taking
      // turns, so that neither alone has the cold cache after the server started (the roll-up goes first).
      for (int run = 1; run <= runs; run++) {
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
        t0 = System.nanoTime();
        long rows = indicators.recompute();
        System.out.printf("RESULT recompute run %d: %.1f s, %d (fact, region, month) values from the sources%n", run,
            (System.nanoTime() - t0) / 1e9, rows);
      }
      System.out.printf("RESULT fact values stored: %d%n",
          jdbc.sql("select count(*) from indicator.fact_value").query(Long.class).single());
      // 3. Latency from a committed change to the visible value, under perSecond changes a second.
      record Target(UUID id, String type, String township) {}
      var pool = new ArrayList<Target>(jdbc.sql("""
          select distinct on (substr(region_code, 1, 9)) id, type, substr(region_code, 1, 9) from facility.facility
          where status = 'OPEN' and capacity > occupied + 1 and occupied > 1 and opened_on < date '2026-01-01'
          order by substr(region_code, 1, 9), id""")
          .query((rs, i) -> new Target(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list());
      Collections.shuffle(pool);
      System.out.printf("RESULT latency: %d facilities in distinct townships take turns%n", pool.size());
      // (committed at, latency) in ns since the stream began: when in the stream the slow ones were.
      var timeline = new ConcurrentLinkedQueue<long[]>();
      long streamStart = System.nanoTime();
      var failures = new AtomicInteger();
      var errors = new AtomicInteger();
      var firstError = new java.util.concurrent.atomic.AtomicReference<String>();
      var refused = new AtomicInteger();
      var next = new AtomicInteger();
      var month = YearMonth.of(2026, 12);
      var auth = SecurityContextHolder.getContext().getAuthentication();
      // Changes wait here for their value to show. One reader goes round them, as a dashboard would read: a poller
      // per change (every 5 ms) was itself the load once values lagged, and the lag fed on it.
      record Pending(String fact, RegionCode township, long expected, long committed) {}
      var pending = new java.util.concurrent.ConcurrentHashMap<Pending, Boolean>();
      var rounds = new java.util.concurrent.atomic.AtomicLong();
      var roundNanos = new java.util.concurrent.atomic.AtomicLong();
      var stop = new java.util.concurrent.atomic.AtomicBoolean();
      var reader = Thread.ofPlatform().name("visible-reader").start(() -> {
        SecurityContextHolder.getContext().setAuthentication(auth);
        while (!stop.get() || !pending.isEmpty()) {
          long start = System.nanoTime();
          for (var p : pending.keySet()) {
            if (indicators.value(p.fact(), p.township(), month) == p.expected()) {
              timeline.add(new long[] {p.committed() - streamStart, System.nanoTime() - p.committed()});
              pending.remove(p);
            } else if (System.nanoTime() - p.committed() > 10_000_000_000L) {
              failures.incrementAndGet();
              pending.remove(p);
            }
          }
          rounds.incrementAndGet();
          roundNanos.addAndGet(System.nanoTime() - start);
          // A round every 10 ms at most: going round without a pause took a core of its own (reader and server).
          LockSupport.parkNanos(Math.max(1_000_000, 10_000_000 - (System.nanoTime() - start)));
        }
      });
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
            pending.put(new Pending(fact, township, before + (admit ? 1 : -1), System.nanoTime()), true);
          } catch (Exception e) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, e.toString());
          }
        }), 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        Thread.sleep(seconds * 1000L);
        ticker.cancel(false);
      }
      stop.set(true);
      reader.join();
      System.out.printf("RESULT the reader went round the pending changes %d times, %.1f ms a round on average%n",
          rounds.get(), roundNanos.get() / 1e6 / Math.max(1, rounds.get()));
      var sorted = timeline.stream().map(t -> t[1]).sorted().toList();
      System.out.printf("RESULT latency committed → visible under %d changes/s for %d s: %d changes, p50 %.0f ms, p99 %.0f ms,"
              + " max %.0f ms, %d refused (no free place), %d not seen within 10 s, %d failed (first: %s)%n", perSecond,
          seconds, sorted.size(), percentile(sorted, 0.50), percentile(sorted, 0.99),
          sorted.isEmpty() ? 0 : sorted.getLast() / 1e6, refused.get(), failures.get(), errors.get(), firstError.get());
      var windows = new java.util.TreeMap<Long, List<Long>>();
      for (long[] t : timeline) windows.computeIfAbsent(t[0] / 10_000_000_000L, w -> new ArrayList<>()).add(t[1]);
      windows.forEach((w, l) -> {
        var s = l.stream().sorted().toList();
        System.out.printf("RESULT   committed in second %d–%d: %d changes, p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", w * 10,
            w * 10 + 10, s.size(), percentile(s, 0.50), percentile(s, 0.99), s.getLast() / 1e6);
      });
      System.out.printf("RESULT after the stream, incremental values differ from a recompute in %d places%n",
          indicators.differences());
    }
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) return 0;
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
  }
}
