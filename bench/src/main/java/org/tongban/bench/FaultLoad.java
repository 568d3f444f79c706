package org.tongban.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.tongban.booking.BookableResources;
import org.tongban.booking.NewResource;
import org.tongban.booking.OpeningHours;
import org.tongban.shared.RegionCode;

/**
 * The stream the fault runs put the platform under (bench/faults.sh): {@code users} residents from the file
 * {@code CaseLoad prepare} wrote, each signing in through the proxy, then submitting applications one after another.
 * Every application has its own {@code Idempotency-Key}; while the answer is not 2xx (or none comes) the resident sends
 * the same application with the same key again, a second apart, up to ten times — as a careful client does — and signs
 * in again when the answer says she is not signed in. After each application she books a place in a random slot with
 * its own key, sent again in the same way (a repeat whose first answer was lost gets the booking the first made).
 * Every 25 applications she signs in afresh (a sign-in is part of the stream).
 *
 * <p>{@code slots <slots.txt>}: opens 20 generated courts of 50 places in 和平区, ten hourly slots a day for ten days
 * from the day after tomorrow (2,000 slots), and writes their ids (in-process platform, as {@code CaseLoad prepare}).
 *
 * <p>{@code run <base> <users.csv> <password> <users> <seconds> <out> <slots.txt>}: writes {@code <out>}-sent.csv
 * (every key sent), {@code <out>}-acknowledged.csv (the keys answered 201) and {@code <out>}-booked.csv (the ids of
 * the bookings answered 201), prints RESULT lines: requests, answers by status, sign-ins, keys sent and acknowledged,
 * bookings sent and acknowledged.
 */
public final class FaultLoad {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern NAME = Pattern.compile("class=\"who\">([^<]+)<");
  private static final String COOKIE = "TONGBAN_SESSION";
  private static final int TRIES = 10;

  private final String base;
  private final String password;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(3)).build();
  private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong signIns = new AtomicLong();
  private final AtomicLong signedIn = new AtomicLong();
  private final ConcurrentLinkedQueue<String> sent = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> booked = new ConcurrentLinkedQueue<>();
  private final AtomicLong bookingsSent = new AtomicLong();
  private final AtomicLong bookingsRefused = new AtomicLong();
  private final List<String> slots;

  private FaultLoad(String base, String password, List<String> slots) {
    this.base = base;
    this.password = password;
    this.slots = slots;
  }

  public static void main(String[] args) throws Exception {
    if (args[0].equals("slots")) {
      slots(Path.of(args[1]));
      return;
    }
    if (args[0].equals("upload")) {
      upload(args[1], args[2], args[3], Path.of(args[4]));
      return;
    }
    if (!args[0].equals("run")) throw new IllegalArgumentException(args[0]);
    var load = new FaultLoad(args[1], args[3], Files.readAllLines(Path.of(args[7])));
    List<String> phones = Files.readAllLines(Path.of(args[2])).stream().skip(1).map(l -> l.split(",")[0]).toList();
    int users = Integer.parseInt(args[4]);
    var until = Instant.now().plusSeconds(Long.parseLong(args[5]));
    var threads = new ArrayList<Thread>();
    for (int i = 0; i < users; i++) {
      String phone = phones.get(i % phones.size());
      threads.add(Thread.ofVirtual().start(() -> load.resident(phone, until)));
    }
    for (var t : threads) t.join();
    Files.write(Path.of(args[6] + "-sent.csv"), load.sent);
    Files.write(Path.of(args[6] + "-acknowledged.csv"), load.acknowledged);
    Files.write(Path.of(args[6] + "-booked.csv"), load.booked);
    System.out.printf("RESULT requests %d; answers %s%n", load.requests.get(), new TreeMap<>(load.answers));
    System.out.printf("RESULT sign-ins %d, signed in %d%n", load.signIns.get(), load.signedIn.get());
    System.out.printf("RESULT applications: %d keys sent, %d acknowledged (201)%n", load.sent.size(),
        load.acknowledged.size());
    System.out.printf("RESULT bookings: %d sent, %d acknowledged (201), %d refused (409: full, daily limit, or the slot already"
        + " booked by an earlier booking of hers)%n", load.bookingsSent.get(), load.booked.size(),
        load.bookingsRefused.get());
  }

  /**
   * One resident adds a material (the PNG in {@code file}, as 终止或解除劳动关系证明) to her newest case; prints the
   * case, the answer's status and its problem code, if any.
   */
  static void upload(String base, String phone, String password, Path file) throws IOException {
    var load = new FaultLoad(base, password, List.of());
    var browser = new Browser();
    load.signIn(browser, phone);
    if (browser.csrf == null) throw new IllegalStateException("could not sign in as " + phone);
    var mine = load.send(browser, HttpRequest.newBuilder(URI.create(base + "/api/cases/mine?size=1"))
        .header("Accept", "application/json").GET());
    var id = ID.matcher(mine.body());
    if (!id.find()) throw new IllegalStateException("no case: " + mine.body());
    String boundary = "----fault" + UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"code\"\r\n\r\ntermination-proof\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"proof.png\"\r\n"
        + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(Files.readAllBytes(file));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    var answer = load.send(browser, HttpRequest.newBuilder(URI.create(base + "/api/cases/" + id.group(1) + "/materials"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "application/json")
        .header("Accept-Language", "zh-CN").header("X-CSRF-TOKEN", browser.csrf)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    var code = Pattern.compile("\"code\"\\s*:\\s*\"([a-z.-]+)\"").matcher(answer.body());
    var detail = Pattern.compile("\"detail\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
    System.out.printf("RESULT case %s, upload answered HTTP %d%s%s%n", id.group(1), answer.statusCode(),
        answer.statusCode() >= 400 && code.find() ? ", problem " + code.group(1) : "",
        answer.statusCode() >= 400 && detail.find() ? " (" + detail.group(1) + ")" : "");
  }

  /** Generated courts with slots for the stream to book (in-process platform on the bench's database). */
  static void slots(Path out) throws IOException {
    try (var context = BenchPlatform.start("tongban.demo.offices=false")) {
      FacilityLoad.signInAsEverywhereClerk();
      var resources = context.getBean(BookableResources.class);
      var day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);
      var hours = new OpeningHours(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(18, 0), 60,
          LocalTime.of(18, 0));
      var ids = new ArrayList<String>();
      for (int r = 0; r < 20; r++) {
        var court = resources.open(new NewResource("故障压测场地" + r + "（生成）", "venue.court", RegionCode.of("210102"),
            "sports", null, 50, 0, 20, 0));
        resources.openSlots(court.id(), day, 10, hours);
        for (int d = 0; d < 10; d++) resources.slots(court.id(), day.plusDays(d)).forEach(s -> ids.add(s.id().toString()));
      }
      Files.write(out, ids);
      System.out.printf("RESULT prepared %d slots%n", ids.size());
    }
  }

  /** One browser: its session cookie and the session's CSRF token. */
  private static final class Browser {
    String cookie;
    String csrf;
    String name = "压测居民";
  }

  private void resident(String phone, Instant until) {
    var browser = new Browser();
    int filed = 0;
    while (Instant.now().isBefore(until)) {
      if (browser.csrf == null || filed % 25 == 0) signIn(browser, phone);
      if (browser.csrf == null) {
        pause();
        continue;
      }
      apply(browser, phone);
      book(browser, phone);
      filed++;
    }
  }

  private void signIn(Browser browser, String phone) {
    signIns.incrementAndGet();
    browser.cookie = null;
    browser.csrf = null;
    try {
      var login = send(browser, HttpRequest.newBuilder(URI.create(base + "/login")).GET());
      var token = CSRF.matcher(login.body());
      if (login.statusCode() != 200 || !token.find()) return;
      String form = "username=" + enc(phone) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
      var answer = send(browser, HttpRequest.newBuilder(URI.create(base + "/login"))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
      if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("/login")) return;
      var page = send(browser, HttpRequest.newBuilder(URI.create(base + "/services?q=x")).GET());
      var csrf = CSRF.matcher(page.body());
      if (page.statusCode() != 200 || !csrf.find()) return;
      browser.csrf = csrf.group(1);
      var name = NAME.matcher(page.body());
      if (name.find()) browser.name = name.group(1).strip();
      signedIn.incrementAndGet();
    } catch (IOException e) {
      // the node went away mid-sign-in: the next turn signs in again
    }
  }

  private void apply(Browser browser, String phone) {
    String key = UUID.randomUUID().toString();
    sent.add(key);
    String body = """
        {"item":"hrss.unemployment-benefit","form":{"applicantName":"%s","endDate":"2026-10-31","endReason":"合同期满",
         "bankAccount":"6222020200112233","contactPhone":"13800001111"}}""".formatted(browser.name);
    for (int attempt = 0; attempt < TRIES; attempt++) {
      if (browser.csrf == null) signIn(browser, phone); // lost with a session the platform no longer knows
      if (browser.csrf == null) {
        pause();
        continue;
      }
      try {
        var answer = send(browser, HttpRequest.newBuilder(URI.create(base + "/api/cases"))
            .header("Content-Type", "application/json").header("Accept", "application/json")
            .header("X-CSRF-TOKEN", browser.csrf).header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (answer.statusCode() == 201) {
          acknowledged.add(key);
          return;
        }
        if (answer.statusCode() == 401 || answer.statusCode() == 403) browser.csrf = null; // signed out: again
      } catch (IOException e) {
        // no answer (the node died, the proxy gave up): the same key again
      }
      pause();
    }
  }

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

  private void book(Browser browser, String phone) {
    String slot = slots.get(ThreadLocalRandom.current().nextInt(slots.size()));
    String key = java.util.UUID.randomUUID().toString();
    bookingsSent.incrementAndGet();
    for (int attempt = 0; attempt < TRIES; attempt++) {
      if (browser.csrf == null) signIn(browser, phone);
      if (browser.csrf == null) {
        pause();
        continue;
      }
      try {
        var answer = send(browser, HttpRequest.newBuilder(URI.create(base + "/api/booking/slots/" + slot + "/bookings"))
            .header("Accept", "application/json").header("X-CSRF-TOKEN", browser.csrf).header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.noBody()));
        if (answer.statusCode() == 201) {
          var id = ID.matcher(answer.body());
          booked.add(id.find() ? id.group(1) : "unreadable:" + answer.body());
          return;
        }
        if (answer.statusCode() == 409) {
          bookingsRefused.incrementAndGet();
          return;
        }
        if (answer.statusCode() == 401 || answer.statusCode() == 403) browser.csrf = null;
      } catch (IOException e) {
        // no answer: the same booking again
      }
      pause();
    }
  }

  private HttpResponse<String> send(Browser browser, HttpRequest.Builder request) throws IOException {
    requests.incrementAndGet();
    if (browser.cookie != null) request.header("Cookie", COOKIE + "=" + browser.cookie);
    request.timeout(Duration.ofSeconds(30));
    try {
      var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      answers.computeIfAbsent("HTTP " + response.statusCode() + from(response), k -> new AtomicLong())
          .incrementAndGet();
      for (String set : response.headers().allValues("Set-Cookie")) {
        if (!set.startsWith(COOKIE + "=")) continue;
        String value = set.substring(COOKIE.length() + 1, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
        browser.cookie = value.isEmpty() || set.contains("Max-Age=0") ? null : value;
      }
      return response;
    } catch (IOException e) {
      answers.computeIfAbsent("no answer", k -> new AtomicLong()).incrementAndGet();
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static final Pattern PROBLEM = Pattern.compile("\"code\"\\s*:\\s*\"([a-z.-]+)\"");

  /** Who refused, for a refusal: HAProxy (no node available) or the platform's problem code. */
  private static String from(HttpResponse<String> response) {
    if (response.statusCode() < 500) return "";
    if (response.body().contains("No server is available")) return " (proxy: no node available)";
    var code = PROBLEM.matcher(response.body());
    return code.find() ? " (" + code.group(1) + ")" : " (page)";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
