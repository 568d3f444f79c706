package org.tongban.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The FHIR API under load (bench/health.sh), as a clinic's system with its client-credentials token.
 * {@code -Dphase=write}: {@code -Dusers} concurrent clients post {@code -Dcount} blood-pressure Observations in all
 * for random patients of 和平区 (each validated, encrypted, indexed, logged). {@code -Dphase=read}: {@code -Dusers}
 * concurrent clients read one patient's record ({@code Observation?patient=…}) in a loop for {@code -Dseconds}.
 */
public class FhirSimulation extends Simulation {

  static final String BASE = System.getProperty("base", "http://127.0.0.1:18080");
  static final int USERS = Integer.getInteger("users", 100);
  static final int COUNT = Integer.getInteger("count", 1_000_000);
  static final int SECONDS = Integer.getInteger("seconds", 60);
  static final String PHASE = System.getProperty("phase", "write");
  static final Path DIR = Path.of(System.getProperty("dir", "."));

  /** The clinic's access token, fetched again a minute before it expires (the provider's tokens live 5 minutes). */
  static final class Token {
    private static String value;
    private static long fetched;

    static synchronized String current() {
      if (value == null || System.nanoTime() - fetched > 240_000_000_000L) {
        try {
          value = token();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        fetched = System.nanoTime();
      }
      return value;
    }
  }

  static String token() throws Exception {
    var client = Files.readString(DIR.resolve("fhir-client.txt")).strip().split(" ");
    var basic = Base64.getEncoder().encodeToString((client[0] + ":" + client[1]).getBytes(StandardCharsets.UTF_8));
    var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BASE + "/oauth2/token"))
        .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=system%2F*.write%20system%2F*.read"))
        .build(), HttpResponse.BodyHandlers.ofString());
    var m = java.util.regex.Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
    if (!m.find()) throw new IllegalStateException("no token: " + response.body());
    return m.group(1);
  }

  {
    var today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    var protocol = http.baseUrl(BASE).disableCaching().shareConnections()
        .header("Accept", "application/fhir+json");
    var patients = csv(DIR.resolve("patients.csv").toString()).random();
    if (PHASE.equals("write")) {
      var write = scenario("writers").repeat(COUNT / USERS).on(
          exec(s -> s).feed(patients)
              .exec(s -> s.set("body", HealthLoad.observation(UUID.fromString(s.getString("patient")),
                  today.minusDays(ThreadLocalRandom.current().nextInt(1000)), 110 + ThreadLocalRandom.current().nextInt(50))))
              .exec(http("create Observation").post("/fhir/Observation").body(io.gatling.javaapi.core.CoreDsl.StringBody("#{body}"))
                  .header("Authorization", s -> "Bearer " + Token.current())
                  .header("Content-Type", "application/fhir+json; charset=UTF-8")
                  .check(status().is(201), header("Location").exists())));
      setUp(write.injectOpen(atOnceUsers(USERS))).protocols(protocol);
    } else {
      var read = scenario("readers").during(Duration.ofSeconds(SECONDS)).on(
          exec(s -> s).feed(patients)
              .exec(http("read a patient's Observations").get("/fhir/Observation").queryParam("patient", "Patient/#{patient}")
                  .header("Authorization", s -> "Bearer " + Token.current())
                  .check(status().is(200), jsonPath("$.resourceType").is("Bundle"))));
      setUp(read.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(SECONDS)))).protocols(protocol);
    }
  }
}
