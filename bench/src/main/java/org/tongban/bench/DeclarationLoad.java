package org.tongban.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.insurance.InsuranceParameters;
import org.tongban.person.GeneratedResidents;
import org.tongban.shared.CreditCode;
import org.tongban.shared.PhoneNumber;
import org.tongban.unit.Industry;
import org.tongban.unit.UnitKind;
import org.tongban.unit.UnitSize;
import org.tongban.unit.Units;

/**
 * Monthly wage declarations at scale (bench/declarations.sh), against the server in {@code SPRING_DATASOURCE_URL}:
 * <ul>
 *   <li>{@code prepare <employees> <per-unit> <password> <dir>}: that many generated residents, a generated unit for each
 *       {@code per-unit} of them with its first as legal representative (a resident account with the password),
 *       every employee enrolled in the employees' pension with that unit; writes {@code dir/units.txt}: unit id, the
 *       representative's phone, and the employees' ID numbers;</li>
 *   <li>{@code post <base-url> <password> <dir> <month> <threads>}: each representative signs in, acts for the unit and
 *       posts the month's declaration of all its employees over HTTP ({@code POST /api/insurance/unit/declarations});</li>
 * </ul>
 */
public final class DeclarationLoad {

  private DeclarationLoad() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "prepare" -> prepare(Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3], Path.of(args[4]));
      case "post" -> post(args[1], args[2], Path.of(args[3]), args[4], Integer.parseInt(args[5]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  static void prepare(int employees, int perUnit, String password, Path dir) throws Exception {
    try (var context = BenchPlatform.start("tongban.demo.offices=false")) {
      var jdbc = context.getBean(JdbcClient.class);
      var template = context.getBean(JdbcTemplate.class);
      var generated = context.getBean(GeneratedResidents.class);
      long t0 = System.nanoTime();
      if (jdbc.sql("select count(*) from person.person").query(Long.class).single() < employees) {
        generated.generate(employees, 77);
      }
      var people = generated.preview(employees, 77);
      var parameters = context.getBean(InsuranceParameters.class);
      for (String p : List.of("21", "51")) {
        for (int y = 2024; y <= 2027; y++) parameters.insertGeneratedAverageWage(p, y, 800_000);
      }
      var units = context.getBean(Units.class);
      var secrets = context.getBean(ResidentSecrets.class);
      String hash = context.getBean(PasswordEncoder.class).encode(password);
      var lines = new ArrayList<String>();
      var enrolments = new ArrayList<Object[]>();
      var from = java.sql.Date.valueOf(LocalDate.of(2025, 1, 1));
      for (int u = 0; u * perUnit < people.size(); u++) {
        var boss = people.get(u * perUnit);
        var code = CreditCode.complete("91" + boss.residence().value().substring(0, 6) + String.format("%08d", u));
        var unit = units.insertGenerated(code, "压测参保单位" + u + "有限公司（生成）", UnitKind.ENTERPRISE,
            Industry.parse("C34"), UnitSize.MEDIUM, boss.residence(), new org.tongban.person.PersonId(boss.id()),
            LocalDate.of(2020, 1, 1)).orElseThrow();
        String phone = "139" + String.format("%08d", u);
        secrets.openAccount(new PhoneNumber(phone), boss.name(), boss.idNumber(), boss.id(), hash, null);
        var ids = new StringBuilder();
        for (int i = u * perUnit; i < Math.min(people.size(), (u + 1) * perUnit); i++) {
          var person = people.get(i);
          enrolments.add(new Object[] {UUID.randomUUID(), person.id(), unit.id(), unit.region().value(), from});
          ids.append(' ').append(person.idNumber().value());
        }
        lines.add(unit.id() + " " + phone + ids);
      }
      for (int i = 0; i < enrolments.size(); i += 10_000) {
        template.batchUpdate("insert into insurance.enrolment (id, person_id, insurance, scheme, unit_id, region_code,"
            + " from_month, created_by, generated) values (?, ?, 'PENSION', 'EMPLOYEE', ?, ?, ?, 'bench', true)",
            enrolments.subList(i, Math.min(enrolments.size(), i + 10_000)));
      }
      Files.write(dir.resolve("units.txt"), lines);
      System.out.printf("RESULT prepared %d employees in %d units (%d each) in %.1f s%n", enrolments.size(), lines.size(),
          perUnit, (System.nanoTime() - t0) / 1e9);
    }
  }

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

  static void post(String base, String password, Path dir, String month, int threads) throws Exception {
    var units = Files.readAllLines(dir.resolve("units.txt"));
    var latencies = new ConcurrentLinkedQueue<Long>();
    var failures = new AtomicInteger();
    var declared = new AtomicInteger();
    var next = new AtomicInteger();
    long t0 = System.nanoTime();
    long[] signInNanos = {0};
    try (var pool = Executors.newFixedThreadPool(threads)) {
      for (int t = 0; t < threads; t++) {
        pool.submit(() -> {
          for (int u; (u = next.getAndIncrement()) < units.size(); ) {
            var parts = units.get(u).split(" ");
            try {
              var client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                  .followRedirects(HttpClient.Redirect.NEVER).build();
              long s0 = System.nanoTime();
              var login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                  HttpResponse.BodyHandlers.ofString());
              var csrf = find(CSRF, login.body());
              client.send(form(base + "/login", "username=" + parts[1] + "&password=" + enc(password) + "&_csrf=" + enc(csrf)),
                  HttpResponse.BodyHandlers.discarding());
              var token = find(TOKEN, client.send(HttpRequest.newBuilder(URI.create(base + "/api/csrf")).build(),
                  HttpResponse.BodyHandlers.ofString()).body());
              client.send(form(base + "/my/units/act", "unit=" + parts[0] + "&_csrf=" + enc(token)),
                  HttpResponse.BodyHandlers.discarding());
              synchronized (signInNanos) {
                signInNanos[0] += System.nanoTime() - s0;
              }
              var body = new StringBuilder("{\"month\":\"" + month + "\",\"lines\":[");
              for (int i = 2; i < parts.length; i++) {
                if (i > 2) body.append(',');
                body.append("{\"idNumber\":\"").append(parts[i]).append("\",\"wage\":\"").append(4000 + (i * 37) % 9000)
                    .append("\"}");
              }
              body.append("]}");
              long r0 = System.nanoTime();
              var response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/insurance/unit/declarations"))
                  .header("Content-Type", "application/json").header("X-CSRF-TOKEN", token)
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
              latencies.add(System.nanoTime() - r0);
              if (response.statusCode() == 201) {
                declared.addAndGet(parts.length - 2);
              } else {
                failures.incrementAndGet();
                if (failures.get() < 5) System.out.println("FAILED " + response.statusCode() + " " + response.body());
              }
            } catch (Exception e) {
              failures.incrementAndGet();
              if (failures.get() < 5) e.printStackTrace();
            }
          }
        });
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    var sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    double signIn = signInNanos[0] / 1e9 / Math.max(threads, 1);
    System.out.printf("RESULT posted %d declarations in %d requests of %d units in %.1f s (sign-ins about %.1f s of it);"
            + " declaration requests p50 %.0f ms, p99 %.0f ms; %.0f lines/s while posting; failures %d%n",
        declared.get(), sorted.length, units.size(), s, signIn, pct(sorted, 50), pct(sorted, 99),
        declared.get() / Math.max(s - signIn, 0.001), failures.get());
  }

  private static HttpRequest form(String url, String body) {
    return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String find(Pattern p, String text) {
    var m = p.matcher(text);
    if (!m.find()) throw new IllegalStateException("not found: " + p);
    return m.group(1);
  }

  private static double pct(long[] sorted, int p) {
    if (sorted.length == 0) return 0;
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
  }
}
