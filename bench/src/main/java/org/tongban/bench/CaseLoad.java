package org.tongban.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.identity.NewStaff;
import org.tongban.identity.Role;
import org.tongban.identity.StaffAccounts;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.identity.internal.StaffUser;
import org.tongban.organisation.Office;
import org.tongban.organisation.OfficeId;
import org.tongban.organisation.OfficeKind;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.GeneratedResidents;
import org.tongban.person.NewResident;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;
import org.tongban.shared.PhoneNumber;
import org.tongban.shared.RegionCode;

/**
 * Prepares and bounds the casework load test (bench/cases.sh), against the PostgreSQL server in
 * {@code SPRING_DATASOURCE_URL}:
 * <ul>
 *   <li>{@code prepare <cases> <residents> <staff> <password> <out>}: offices of 和平区, generated residents, resident
 *   accounts and staff accounts for the virtual users (phones and usernames written to {@code out}), and
 *   {@code cases} stored cases marked generated (1 % still open and waiting on the office, the rest finished);</li>
 *   <li>{@code limit <jdbcUrl> <user> <password> <threads> <seconds>}: the bare JDBC ceiling — the same case row and
 *   its first timeline row inserted in one transaction per case by {@code threads} threads, no workflow, no
 *   checks.</li>
 * </ul>
 */
public final class CaseLoad {

  private CaseLoad() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "prepare" -> prepare(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4],
          Path.of(args[5]));
      case "limit" -> limit(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static void prepare(int cases, int residentAccounts, int staffAccounts, String password, Path out) throws Exception {
    try (var context = BenchPlatform.start("tongban.demo.offices=false")) {
      var jdbc = context.getBean(JdbcClient.class);
      var organisations = context.getBean(OrganisationDirectory.class);
      var heping = RegionCode.of("210102");
      var hrss = organisations.officeAt("hrss", heping).orElseGet(() -> {
        var o = new Office(OfficeId.random(), "hrss", heping, OfficeKind.OFFICE, "和平区人力资源和社会保障局（生成）", null, null, true, 0);
        organisations.insert(o);
        return o;
      });
      var city = RegionCode.of("2101");
      if (organisations.officeAt("hrss", city).isEmpty()) {
        organisations.insert(new Office(OfficeId.random(), "hrss", city, OfficeKind.OFFICE, "沈阳市人力资源和社会保障局（生成）",
            null, null, true, 0));
      }
      var clerk = new StaffUser("bench-setup", "{noop}unused", true, List.of(new SimpleGrantedAuthority("ROLE_STAFF")),
          Set.of(new Scope(null, Scope.ANY_DEPARTMENT, Purpose.CAPTURE)), null, "bench-setup");
      SecurityContextHolder.getContext().setAuthentication(
          UsernamePasswordAuthenticationToken.authenticated(clerk, null, clerk.getAuthorities()));
      var generated = context.getBean(GeneratedResidents.class);
      long people = jdbc.sql("select count(*) from person.person").query(Long.class).single();
      if (people < 100_000) generated.generate(100_000, 2026);
      // Virtual users: residents of 和平区 with accounts (phone + password), staff of its 人社 office.
      var residents = context.getBean(Residents.class);
      var secrets = context.getBean(ResidentSecrets.class);
      var encoder = context.getBean(PasswordEncoder.class);
      String hash = encoder.encode(password);
      String village = jdbc.sql("select code from region.region where code like '210102%' and level = 5 order by code limit 1")
          .query(String.class).single();
      var lines = new ArrayList<String>(List.of("user"));
      var staffLines = new ArrayList<String>(List.of("user"));
      for (int i = 0; i < residentAccounts; i++) {
        String phone = String.format("1390%07d", i);
        if (!secrets.hasAccount(new PhoneNumber(phone))) {
          var id = IdNumber.complete("210102" + String.format("1970%02d%02d", 1 + i % 12, 1 + i % 28) + String.format("%03d", i % 1000));
          int n = i;
          var person = residents.lookup(id).orElseGet(() -> residents.register(new NewResident("压测居民" + n + "（生成）",
              id.value(), null, village, village)));
          jdbc.sql("update person.person set generated = true where id = ?").param(person.id().value()).update();
          secrets.openAccount(new PhoneNumber(phone), person.name(), id, person.id().value(), hash, null);
        }
        lines.add(phone);
      }
      var staff = context.getBean(StaffAccounts.class);
      String run = Long.toString(System.currentTimeMillis(), 36);
      for (int i = 0; i < staffAccounts; i++) {
        // New accounts each run: each virtual staff member enrols an authenticator once, as in real life.
        String username = "bench-" + run + "-" + i;
        staff.create(new NewStaff(username, "压测工作人员（生成）", hrss.id(), EnumSet.of(Role.OFFICER),
            Set.of(new Scope(heping, "hrss", Purpose.CAPTURE), new Scope(heping, "hrss", Purpose.SEARCH)), Set.of()), password);
        staffLines.add(username);
      }
      Files.write(out, lines);
      Files.write(Path.of(out.toString().replace(".csv", "-staff.csv")), staffLines);
      long existing = jdbc.sql("select count(*) from casework.case_file where generated").query(Long.class).single();
      if (existing < cases) storeCases(jdbc, hrss, cases - existing);
      System.out.printf("RESULT prepared: %d stored cases (generated), %d people, %d resident and %d staff virtual users%n",
          jdbc.sql("select count(*) from casework.case_file").query(Long.class).single(),
          jdbc.sql("select count(*) from person.person").query(Long.class).single(), residentAccounts, staffAccounts);
    }
  }

  /** Stored history: finished cases of the last two years, 1 % still open and waiting on the office. */
  static void storeCases(JdbcClient jdbc, Office office, long count) {
    long t0 = System.nanoTime();
    for (long from = 0; from < count; from += 100_000) {
      long n = Math.min(100_000, count - from);
      jdbc.sql("""
          with people as (select array_agg(id order by id) ids from person.person)
          insert into casework.case_file (id, number, item_code, item_version, item_name, department, workflow, applicant,
            applicant_name, channel, received_by, received_region, competent_office, competent_region, status, waiting_on,
            waiting_step, decision, form, filed_by, submitted_at, decided_at, finished_at, limit_days, limit_unit, due_date,
            generated)
          select gen_random_uuid(), '210102-G' || to_char(now(), 'YYMMDDHH24MISS') || '-' || lpad(g::text, 9, '0'),
            'hrss.unemployment-benefit', 1, '失业保险金申领', 'hrss', 'PROMISED', ids[1 + (g * 7919) % array_length(ids, 1)],
            '（生成）', 'WEB', :office, '210102000000', :office, '210102000000',
            case when g % 100 = 0 then 'AWAITING_ACCEPTANCE' else 'DELIVERED' end,
            case when g % 100 = 0 then :office end, case when g % 100 = 0 then 'accept' end,
            case when g % 100 = 0 then null else 'APPROVED' end, '{"generated":true}'::jsonb, 'bench-history',
            now() - (g % 730) * interval '1 day', case when g % 100 = 0 then null else now() - (g % 730 - 3) * interval '1 day' end,
            case when g % 100 = 0 then null else now() - (g % 730 - 4) * interval '1 day' end, 5, 'WORKING_DAYS',
            current_date + ((g % 40) - 20)::int, true
          from people, generate_series(:from::bigint + 1, :from::bigint + :n::bigint) g
          """).param("office", office.id().value()).param("from", from).param("n", n).update();
    }
    jdbc.sql("analyze casework.case_file").update();
    System.out.printf("RESULT stored %d generated cases in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);
  }

  /** The ceiling: what PostgreSQL does for the same rows with nothing else around it. */
  static void limit(String url, String user, String password, int threads, int seconds) throws Exception {
    var latencies = new ConcurrentLinkedQueue<long[]>();
    var done = new AtomicLong();
    var stop = new AtomicBoolean();
    var ready = new CountDownLatch(threads);
    var workers = new ArrayList<Thread>();
    String person;
    String office;
    try (Connection c = DriverManager.getConnection(url, user, password); var st = c.createStatement()) {
      var rs = st.executeQuery("select id from person.person limit 1");
      rs.next();
      person = rs.getString(1);
      rs = st.executeQuery("select id from organisation.office where department = 'hrss' and region_code = '210102000000' limit 1");
      rs.next();
      office = rs.getString(1);
    }
    for (int t = 0; t < threads; t++) {
      int thread = t;
      workers.add(Thread.ofPlatform().start(() -> {
        var mine = new long[2_000_000];
        int k = 0;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
          c.setAutoCommit(false);
          var insert = c.prepareStatement("""
              insert into casework.case_file (id, number, item_code, item_version, item_name, department, workflow, applicant,
                applicant_name, channel, received_by, received_region, competent_office, competent_region, status, waiting_on,
                waiting_step, form, filed_by, idempotency_key, limit_days, limit_unit, due_date, generated)
              values (?, ?, 'hrss.unemployment-benefit', 1, '失业保险金申领', 'hrss', 'PROMISED', ?::uuid, '（生成）', 'WEB',
                ?::uuid, '210102000000', ?::uuid, '210102000000', 'PRE_REVIEW', ?::uuid, 'preReview', ?::jsonb,
                'bench-limit', ?, 5, 'WORKING_DAYS', ?, true)""");
          var event = c.prepareStatement("insert into casework.case_event (case_id, actor, action, status) values (?, 'bench-limit', 'submitted', 'PRE_REVIEW')");
          ready.countDown();
          ready.await();
          while (!stop.get()) {
            long t0 = System.nanoTime();
            var id = UUID.randomUUID();
            insert.setObject(1, id);
            insert.setString(2, "LIMIT-" + thread + "-" + id);
            insert.setString(3, person);
            insert.setString(4, office);
            insert.setString(5, office);
            insert.setString(6, office);
            insert.setString(7, "{\"applicantName\":\"压测\",\"endDate\":\"2026-10-31\",\"endReason\":\"合同期满\",\"bankAccount\":\"6222020200112233\",\"contactPhone\":\"13800001111\"}");
            insert.setString(8, id.toString());
            insert.setObject(9, LocalDate.now().plusDays(7));
            insert.executeUpdate();
            event.setObject(1, id);
            event.executeUpdate();
            c.commit();
            if (k < mine.length) mine[k++] = System.nanoTime() - t0;
            done.incrementAndGet();
          }
          var copy = new long[k];
          System.arraycopy(mine, 0, copy, 0, k);
          latencies.add(copy);
          try (var st = c.createStatement()) {
            st.executeUpdate("delete from casework.case_event where actor = 'bench-limit'");
            st.executeUpdate("delete from casework.case_file where filed_by = 'bench-limit' and number like 'LIMIT-" + thread + "-%'");
            c.commit();
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    ready.await();
    long t0 = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    long elapsed = System.nanoTime() - t0;
    for (var w : workers) w.join();
    var all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
    System.out.printf("RESULT bare JDBC insert (case row + timeline row, one transaction each), %d threads: %.0f cases/s,"
            + " p50 %.2f ms, p99 %.2f ms%n", threads, done.get() / (elapsed / 1e9), all[all.length / 2] / 1e6,
        all[(int) (all.length * 0.99)] / 1e6);
  }
}
