package org.tongban.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.tongban.health.Clinics;
import org.tongban.health.EarlyWarning;
import org.tongban.person.GeneratedResidents;

/**
 * The health record and early-warning benchmarks (bench/health.sh), against the PostgreSQL server in
 * {@code SPRING_DATASOURCE_URL}.
 * <ul>
 *   <li>{@code prepare <residents> <patients> <dir>}: generated residents (marked generated), a clinic's system of
 *       和平区 with the FHIR system scopes (its id and secret in {@code dir/fhir-client.txt}), and up to
 *       {@code patients} of 和平区's residents in {@code dir/patients.csv} for the Gatling run;</li>
 *   <li>{@code anchor-write <count> <threads>}: the same Observation JSON inserted with plain JDBC, one row a
 *       transaction, into {@code bench.observation} (id, patient, day, code, jsonb) — the anchor of the FHIR writes;</li>
 *   <li>{@code detectors <rate>}: three years and three weeks of daily case reports over every township of both
 *       provinces for the 35 notifiable diseases the statistical detectors apply to (the other 6 alert on one case;
 *       about {@code rate} cases a township-disease-day, and clusters of 4 on the last day in one pair in 200, all
 *       marked generated), then
 *       the platform's detection of the last day beside one SQL window-function query computing the same baselines
 *       (EARS C1 and C2, the moving percentile P80), and the alerts each finds.</li>
 * </ul>
 */
public final class HealthLoad {

  private HealthLoad() {}

  static final String COUNTY = "210102";
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "prepare" -> prepare(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
      case "anchor-write" -> anchorWrite(Long.parseLong(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
      case "detectors" -> detectors(Double.parseDouble(args[1]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static void prepare(int residents, int patientCount, Path dir) throws Exception {
    try (var context = BenchPlatform.start("tongban.demo.offices=false")) {
      var jdbc = context.getBean(JdbcClient.class);
      long have = jdbc.sql("select count(*) from person.person where generated").query(Long.class).single();
      if (have < residents) context.getBean(GeneratedResidents.class).generate(residents - (int) have, 17);
      String client = "bench-clinic-" + UUID.randomUUID().toString().substring(0, 8);
      String secret = UUID.randomUUID().toString();
      context.getBean(RegisteredClientRepository.class).save(RegisteredClient.withId(UUID.randomUUID().toString())
          .clientId(client).clientName("和平区压测社区卫生服务中心（生成）")
          .clientSecret(context.getBean(PasswordEncoder.class).encode(secret))
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope(Clinics.WRITE).scope(Clinics.READ)
          .build());
      String township = jdbc.sql("select code from region.region where code like ? and level = 4 and valid_to is null"
          + " order by code limit 1").param(COUNTY + "%").query(String.class).single();
      jdbc.sql("insert into health.clinic (client_id, name, kind, region_code, registered_by, generated)"
              + " values (?, '和平区压测社区卫生服务中心（生成）', 'COMMUNITY_HEALTH_CENTRE', ?, 'bench', true)")
          .params(client, township).update();
      Files.writeString(dir.resolve("fhir-client.txt"), client + " " + secret + "\n");
      var patients = jdbc.sql("select id from person.person where residence_region like ? order by id limit ?")
          .params(COUNTY + "%", patientCount).query(UUID.class).list();
      Files.write(dir.resolve("patients.csv"), (java.lang.Iterable<String>) () -> java.util.stream.Stream.concat(
          java.util.stream.Stream.of("patient"), patients.stream().map(UUID::toString)).iterator());
      System.out.println("RESULT prepared: " + residents + " generated residents, " + patients.size()
          + " patients of 和平区, clinic " + client);
    }
  }

  /** The blood pressure Observation the Gatling run posts, for {@code patient} on {@code day}. */
  static String observation(UUID patient, LocalDate day, int systolic) {
    return """
        {"resourceType":"Observation","status":"final",
         "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"vital-signs"}]}],
         "code":{"coding":[{"system":"http://loinc.org","code":"85354-9","display":"Blood pressure panel"}],"text":"血压"},
         "subject":{"reference":"Patient/%s"},"effectiveDateTime":"%s",
         "component":[
           {"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}],"text":"收缩压"},
            "valueQuantity":{"value":%d,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},
           {"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}],"text":"舒张压"},
            "valueQuantity":{"value":85,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}]}"""
        .formatted(patient, day, systolic);
  }

  static void anchorWrite(long count, int threads, Path dir) throws Exception {
    String url = System.getenv("SPRING_DATASOURCE_URL");
    String user = System.getenv("SPRING_DATASOURCE_USERNAME");
    String password = System.getenv("SPRING_DATASOURCE_PASSWORD");
    var patients = Files.readAllLines(dir.resolve("patients.csv")).stream().skip(1).map(UUID::fromString).toList();
    try (Connection c = DriverManager.getConnection(url, user, password); var s = c.createStatement()) {
      s.execute("create schema if not exists bench");
      s.execute("drop table if exists bench.observation");
      s.execute("create table bench.observation (id uuid primary key, patient uuid not null, day date not null,"
          + " code text not null, content jsonb not null)");
      s.execute("create index on bench.observation (patient, day)");
    }
    var done = new AtomicLong();
    long[] latencies = new long[(int) count];
    var today = LocalDate.now(CHINA);
    var workers = new ArrayList<Thread>();
    long t0 = System.nanoTime();
    for (int w = 0; w < threads; w++) {
      workers.add(Thread.ofPlatform().start(() -> {
        try (Connection c = DriverManager.getConnection(url, user, password);
             var insert = c.prepareStatement("insert into bench.observation (id, patient, day, code, content)"
                 + " values (?, ?, ?, ?, cast(? as jsonb))")) {
          var random = ThreadLocalRandom.current();
          for (long i = done.getAndIncrement(); i < count; i = done.getAndIncrement()) {
            var patient = patients.get(random.nextInt(patients.size()));
            var day = today.minusDays(random.nextInt(1000));
            long s = System.nanoTime();
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, patient);
            insert.setDate(3, Date.valueOf(day));
            insert.setString(4, "http://loinc.org|85354-9");
            insert.setString(5, observation(patient, day, 110 + random.nextInt(50)));
            insert.executeUpdate();
            latencies[(int) i] = System.nanoTime() - s;
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    for (var w : workers) w.join();
    double seconds = (System.nanoTime() - t0) / 1e9;
    Arrays.sort(latencies);
    System.out.printf("RESULT plain JDBC inserts of the same JSON: %d rows, %d connections, %.1f s, %.0f/s, p50 %.2f ms,"
            + " p95 %.2f ms, p99 %.2f ms%n", count, threads, seconds, count / seconds, latencies[(int) (count * 0.5)] / 1e6,
        latencies[(int) (count * 0.95)] / 1e6, latencies[(int) (count * 0.99)] / 1e6);
    try (Connection c = DriverManager.getConnection(url, user, password); var s = c.createStatement()) {
      s.execute("drop table if exists bench.patient");
      s.execute("create table bench.patient (n serial primary key, id uuid not null)");
      s.execute("insert into bench.patient (id) select distinct patient from bench.observation");
      s.execute("vacuum analyze bench.observation");
      s.execute("vacuum analyze bench.patient");
    }
  }

  static void detectors(double rate) throws Exception {
    try (var context = BenchPlatform.start("tongban.demo.offices=false", "tongban.health.demo.generate=false")) {
      var jdbc = context.getBean(JdbcClient.class);
      var today = LocalDate.now(CHINA);
      int days = org.tongban.health.Detectors.movingPercentileDays() + 30;
      var first = today.minusDays(days - 1L);
      var diseases = jdbc.sql("select code from health.disease where code <> all(?) order by code limit 40")
          .param(EarlyWarning.SINGLE_CASE.toArray(String[]::new)).query(String.class).list();
      long townships = jdbc.sql("select count(*) from region.region where level = 4 and valid_to is null")
          .query(Long.class).single();
      long t0 = System.nanoTime();
      jdbc.sql("delete from health.case_report where reporter = 'bench'").update();
      // Cases a township-disease-day: 0, 1 or 2 — about `rate` on average (generated, never real).
      jdbc.sql("""
              insert into health.case_report (id, patient, disease, status, onset, diagnosed, reported_on, region_code,
                reporter, generated)
              select gen_random_uuid(), gen_random_uuid(), c.disease, 'CONFIRMED', c.day, c.day, c.day, c.code, 'bench', true
              from (select t.code, d.code disease, g.day::date as day, (random() < ?)::int + (random() < ? * ?)::int as cases
                    from region.region t cross join unnest(?) d(code)
                      cross join generate_series(cast(? as date), cast(? as date), interval '1 day') g(day)
                    where t.level = 4 and t.valid_to is null) c
                cross join lateral generate_series(1, c.cases) k""")
          .params(rate, rate, rate, diseases.toArray(String[]::new), Date.valueOf(first), Date.valueOf(today))
          .update();
      // Clusters on the day examined: 4 cases in about one pair in 200 (what EARS is for).
      jdbc.sql("insert into health.case_report (id, patient, disease, status, onset, diagnosed, reported_on,"
              + " region_code, reporter, generated)"
              + " select gen_random_uuid(), gen_random_uuid(), c.disease, 'CONFIRMED', ?, ?, ?, c.code, 'bench', true"
              + " from (select t.code, d.code disease from region.region t cross join unnest(?) d(code)"
              + " where t.level = 4 and t.valid_to is null and random() < 0.005) c cross join generate_series(1, 4) k")
          .params(Date.valueOf(today), Date.valueOf(today), Date.valueOf(today), diseases.toArray(String[]::new)).update();
      long reports = jdbc.sql("select count(*) from health.case_report where reporter = 'bench'").query(Long.class).single();
      jdbc.sql("analyze health.case_report").update();
      System.out.printf("RESULT case reports: %d over %d townships x %d diseases x %d days (%.1f s to load)%n", reports,
          townships, diseases.size(), days, (System.nanoTime() - t0) / 1e9);

      var warning = context.getBean(EarlyWarning.class);
      jdbc.sql("delete from health.alert where day = ?").param(Date.valueOf(today)).update();
      long candidates = jdbc.sql("select count(*) from (select distinct disease, substr(region_code, 1, 9) from"
          + " health.case_report where reported_on between ? and ?) c")
          .params(Date.valueOf(today.minusDays(6)), Date.valueOf(today)).query(Long.class).single();
      long t1 = System.nanoTime();
      int raised = warning.detect(today, Instant.now());
      double platform = (System.nanoTime() - t1) / 1e9;
      var found = jdbc.sql("select method, count(*) from health.alert where day = ? group by 1 order by 1")
          .param(Date.valueOf(today)).query((rs, i) -> rs.getString(1) + " " + rs.getLong(2)).list();
      System.out.printf("RESULT platform detection of one day: %d disease-township pairs with cases in 7 days, %.2f s"
          + " (%.2f ms a pair), %d alerts: %s%n", candidates, platform, platform * 1000 / candidates, raised, found);

      long t2 = System.nanoTime();
      var anchor = jdbc.sql(ANCHOR).params(Date.valueOf(today.minusDays(6)), Date.valueOf(today), Date.valueOf(first),
              Date.valueOf(today), Date.valueOf(first), Date.valueOf(today), Date.valueOf(today), Date.valueOf(today),
              Date.valueOf(today), baselineDays(today), Date.valueOf(today))
          .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
      double sql = (System.nanoTime() - t2) / 1e9;
      System.out.printf("RESULT one SQL window-function query, the same baselines: %d pairs, %.2f s; alerts EARS-C1 %d,"
          + " EARS-C2 %d, MOVING-PERCENTILE-P80 %d%n", anchor[0], sql, anchor[1], anchor[2], anchor[3]);
    }
  }

  /** The 15 last days of the moving percentile's baseline windows: 364 days a year back, ±1 and ±2 weeks. */
  static String[] baselineDays(LocalDate day) {
    var days = new ArrayList<String>();
    for (int year = 1; year <= 3; year++) {
      for (int shift = -2; shift <= 2; shift++) days.add(day.minusDays(year * 364L - shift * 7L).toString());
    }
    return days.toArray(String[]::new);
  }

  /**
   * The anchor: the candidates (a case in the last 7 days), their daily counts made dense over the whole history, then
   * window functions for the EARS baselines (mean and standard deviation of days −7…−1 and −9…−3) and the 7-day sums,
   * and the 80th percentile of the 15 same-season sums; the alerts under the platform's rules (at least 3 cases the
   * day for EARS, 3 in the week for the percentile; a standard deviation below 0.2 counts as 0.2).
   */
  static final String ANCHOR = """
      with cand as (
        select distinct disease, substr(region_code, 1, 9) tw from health.case_report where reported_on between ? and ?),
      agg as (
        select r.disease, substr(r.region_code, 1, 9) tw, r.reported_on d, count(*) n from health.case_report r
        join cand c on c.disease = r.disease and c.tw = substr(r.region_code, 1, 9)
        where r.reported_on between ? and ? group by 1, 2, 3),
      dense as (
        select c.disease, c.tw, g.d::date d, coalesce(a.n, 0) n from cand c
        cross join generate_series(cast(? as date), cast(? as date), interval '1 day') g(d)
        left join agg a on a.disease = c.disease and a.tw = c.tw and a.d = g.d::date),
      w as (
        select disease, tw, d, n, avg(n) over c1 m1, stddev_samp(n) over c1 s1, avg(n) over c2 m2, stddev_samp(n) over c2 s2,
          sum(n) over (partition by disease, tw order by d rows between 6 preceding and current row) week
        from dense
        window c1 as (partition by disease, tw order by d rows between 7 preceding and 1 preceding),
               c2 as (partition by disease, tw order by d rows between 9 preceding and 3 preceding)),
      pairs as (
        select disease, tw,
          max(n) filter (where d = ?) today,
          max((n - m1) / greatest(s1, 0.2)) filter (where d = ?) c1,
          max((n - m2) / greatest(s2, 0.2)) filter (where d = ?) c2,
          percentile_cont(0.8) within group (order by week) filter (where d = any(cast(? as date[]))) p80,
          max(week) filter (where d = ?) week
        from w group by disease, tw)
      select count(*), count(*) filter (where today >= 3 and c1 > 3), count(*) filter (where today >= 3 and c2 > 3),
        count(*) filter (where week > p80 and week >= 3) from pairs""";

}
