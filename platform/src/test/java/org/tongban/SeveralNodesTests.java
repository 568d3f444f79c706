package org.tongban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.randomIdNumber;
import static org.tongban.catalogue.CatalogueFixtures.withSynonym;
import static org.tongban.identity.internal.ResidentFixtures.lastSmsCode;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.tongban.audit.AuditTrail;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.identity.internal.ResidentFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.person.NewResident;
import org.tongban.person.Residents;

/**
 * #18.1, two platform nodes on one database: this test's application and a second one in a process of its own (the
 * platform's main class, this database, a copy of its keys), both answering real HTTP. A resident signed in on one
 * node is signed in on the other; "sign out on every device" on one node signs her out on the other; killed with
 * SIGKILL, a node takes nobody's session with it; an SMS code sent by one node is taken by the other, which also
 * keeps its minute between codes; wrong passwords count on both nodes together; an item published on one node is
 * found by the other's search at once; a client secret changed on one node is the only one the other takes at once;
 * the audit chain both nodes extend stays one unbroken chain.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Tag("persistence")
class SeveralNodesTests {

  private static final String PASSWORD = "Nodes-2026-both";

  @LocalServerPort int port;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired PasswordEncoder passwords;
  @Autowired ServiceCatalogue catalogue;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired Environment environment;
  @Autowired AuditTrail audit;
  @Autowired RegisteredClientRepository clients;
  @TempDir Path otherData;

  @Test
  void twoNodesShareSessionsSignOutsLockoutsAndTheCatalogue() throws Exception {
    String here = "http://127.0.0.1:" + port;
    int otherPort;
    try (var socket = new ServerSocket(0)) {
      otherPort = socket.getLocalPort();
    }
    String there = "http://127.0.0.1:" + otherPort;
    var other = start(otherPort);
    try {
      String phone = resident("范两点").phone();
      try {
        Eventually.until("the second node is ready", Duration.ofMinutes(4), () -> {
          if (!other.isAlive()) throw new AssertionError("the second node stopped");
          return ready(there);
        });
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "; its log:\n" + output(other), e);
      }

      // Signed in there, she is signed in here: one session, kept in the database.
      var phoneInHand = new Browser();
      phoneInHand.signIn(there, phone, PASSWORD);
      assertThat(phoneInHand.get(there + "/my/cases").statusCode()).isEqualTo(200);
      assertThat(phoneInHand.get(here + "/my/cases").statusCode()).isEqualTo(200);

      // 所有设备退出 on this node, from another browser: the phone's session on the other node ends too.
      var computer = new Browser();
      computer.signIn(here, phone, PASSWORD);
      var out = computer.post(here + "/logout/everywhere", Map.of("_csrf", computer.csrf(here + "/")));
      assertThat(out.headers().firstValue("Location").orElse("")).endsWith("/?signedOut");
      assertThat(phoneInHand.get(there + "/my/cases").headers().firstValue("Location").orElse(""))
          .endsWith("/login");
      assertThat(computer.get(here + "/my/cases").headers().firstValue("Location").orElse("")).endsWith("/login");

      // An item published here is found by the other node's search at once (its index is told, not timed).
      var current = catalogue.currentOrRefuse("hrss.unemployment-benefit").spec();
      String word = "nodes" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
      try {
        catalogue.publishAsPlatform(withSynonym(current, word));
        Eventually.until("the other node's search finds the new word", Duration.ofSeconds(20),
            () -> page(there + "/services?q=" + word).contains("hrss.unemployment-benefit"));
      } finally {
        catalogue.publishAsPlatform(current);
      }

      // A client's secret changed here is the only one the other node takes, at once (its client cache is told).
      String system = "nodes-" + UUID.randomUUID().toString().substring(0, 8);
      var client = RegisteredClient.withId(UUID.randomUUID().toString()).clientId(system)
          .clientSecret(passwords.encode("first-secret"))
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();
      clients.save(client);
      assertThat(token(there, system, "first-secret")).isEqualTo(200);
      clients.save(RegisteredClient.from(client).clientSecret(passwords.encode("second-secret")).build());
      assertThat(token(there, system, "first-secret")).isEqualTo(401);
      assertThat(token(there, system, "second-secret")).isEqualTo(200);

      // A code sent by the other node signs her in here, and asking here again within the minute is refused: codes
      // and their clock are in the database, not in a node.
      var byCode = new Browser();
      byCode.post(there + "/login/sms", Map.of("_csrf", byCode.csrf(there + "/login/sms"), "step", "send-code",
          "phone", phone));
      var again = byCode.post(here + "/login/sms", Map.of("_csrf", byCode.csrf(here + "/login/sms"), "step",
          "send-code", "phone", phone));
      assertThat(again.body()).contains("请 1 分钟后再获取");
      var byCodeIn = byCode.post(here + "/login/sms", Map.of("_csrf", byCode.csrf(here + "/login/sms"), "phone", phone,
          "code", lastSmsCode(jdbc, phone)));
      assertThat(byCodeIn.headers().firstValue("Location").orElse("")).endsWith("/");
      assertThat(byCode.get(there + "/my/cases").statusCode()).isEqualTo(200);

      // Wrong passwords on both nodes count together: three there and two here lock the account.
      var guessed = resident("范两错");
      for (int i = 0; i < 5; i++) {
        var response = new Browser().signIn(i < 3 ? there : here, guessed.phone(), "not-her-password-" + i);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotEndWith("/");
      }
      assertThat(jdbc.sql("select locked_until > now() from identity.resident_account where person_id = ?")
          .param(guessed.person()).query(Boolean.class).single()).isTrue();
      var refused = new Browser().signIn(there, guessed.phone(), PASSWORD);
      assertThat(refused.headers().firstValue("Location").orElse("")).contains("/login?");

      // Signed in on the other node, which is then killed: this node carries on with her session.
      var tablet = new Browser();
      tablet.signIn(there, phone, PASSWORD);
      other.destroyForcibly(); // SIGKILL on Linux
      other.waitFor();
      var afterKill = tablet.get(here + "/my/cases");
      assertThat(afterKill.statusCode()).isEqualTo(200);
      assertThat(afterKill.body()).contains("范两点");

      // Both nodes audited sign-ins and sign-outs, and both ran the chainer's schedule: one chain, unbroken (ShedLock
      // let one node at a time extend it).
      audit.flush();
      assertThat(audit.verify().intact()).isTrue();
    } finally {
      other.destroyForcibly();
    }
  }

  record Account(String phone, UUID person) {}

  /** A resident of 和平区 with an account that signs in with a new phone number and {@link #PASSWORD}. */
  private Account resident(String name) {
    String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    var id = randomIdNumber("210102");
    String village = jdbc.sql("select code from region.region where code like '210102%' and level = 5 order by code"
        + " limit 1").query(String.class).single();
    var person = as(clerkOf("210102"), () -> residents.register(new NewResident(name, id.value(), null, village,
        village)));
    ResidentFixtures.accountWithPassword(secrets, passwords, person.id(), name, id, phone, PASSWORD);
    return new Account(phone, person.id().value());
  }

  /** The status of a client-credentials grant on {@code node}. */
  private static int token(String node, String client, String secret) throws IOException, InterruptedException {
    try (var http = HttpClient.newHttpClient()) {
      var basic = java.util.Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
      return http.send(HttpRequest.newBuilder(URI.create(node + "/oauth2/token"))
          .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }

  private static String page(String url) {
    try {
      return new Browser().get(url).body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The readiness probe as a load balancer asks it (it answers JSON; the browser's text/html would get a 406). */
  private static boolean ready(String node) {
    try (var http = HttpClient.newHttpClient()) {
      var probe = HttpRequest.newBuilder(URI.create(node + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5))
          .build();
      return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The platform's main class on this test's database, with a copy of its keys (sessions are sealed with them). */
  private Process start(int serverPort) throws IOException {
    var keys = Path.of(environment.getProperty("tongban.data-dir", "data")).toAbsolutePath().resolve("keys");
    Files.createDirectories(otherData.resolve("keys"));
    try (Stream<Path> files = Files.list(keys)) {
      for (var key : files.toList()) Files.copy(key, otherData.resolve("keys").resolve(key.getFileName()));
    }
    var hikari = (HikariDataSource) dataSource;
    String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    var command = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), TongbanApplication.class.getName(), "--tongban.data-dir=" + otherData,
        "--server.port=" + serverPort, "--logging.level.root=WARN"));
    var builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(otherData.resolve("node.log").toFile());
    // The database by the environment, as CI's external server is given: the password stays off the command line.
    builder.environment().put("SPRING_DATASOURCE_URL", hikari.getJdbcUrl());
    builder.environment().put("SPRING_DATASOURCE_USERNAME", hikari.getUsername());
    builder.environment().put("SPRING_DATASOURCE_PASSWORD", hikari.getPassword());
    return builder.start();
  }

  private String output(Process node) {
    try {
      var lines = Files.readAllLines(otherData.resolve("node.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return e.toString();
    }
  }

  /**
   * A browser over plain HTTP on loopback: it keeps the session cookie itself (the cookie is marked Secure, which
   * Java's cookie store would not send over http) and follows no redirects, so each answer can be read.
   */
  private static final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private @Nullable String session;

    HttpResponse<String> get(String url) throws IOException {
      return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    HttpResponse<String> post(String url, Map<String, String> form) throws IOException {
      String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
          StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
      return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The sign-in form's answer: a redirect to "/" when signed in. */
    HttpResponse<String> signIn(String node, String phone, String password) throws IOException {
      return post(node + "/login", Map.of("_csrf", csrf(node + "/login"), "username", phone, "password", password));
    }

    String csrf(String page) throws IOException {
      var m = CSRF.matcher(get(page).body());
      assertThat(m.find()).as("a form with a CSRF token on " + page).isTrue();
      return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
      if (session != null) request.header("Cookie", BrowserSession.COOKIE + "=" + session);
      request.header("Accept", "text/html").timeout(Duration.ofSeconds(30));
      try {
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
          if (!set.startsWith(BrowserSession.COOKIE + "=")) continue;
          String value = set.substring(BrowserSession.COOKIE.length() + 1, set.indexOf(';'));
          session = value.isEmpty() || set.contains("Max-Age=0") ? null : value;
        }
        return response;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
  }
}
