package org.tongban.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * 12333 answers under load (bench/consultation.sh): USERS anonymous residents, each asking a question of the
 * evaluation set after the other with no pause, over the whole knowledge base, embedding included.
 */
public class ConsultationSimulation extends Simulation {

  static final String BASE = System.getProperty("base", "http://127.0.0.1:18080");
  static final int USERS = Integer.getInteger("users", 50);
  static final int SECONDS = Integer.getInteger("seconds", 60);
  static final String QUESTIONS = System.getProperty("questions");

  {
    var ask = scenario("ask")
        .during(Duration.ofSeconds(SECONDS)).on(
            exec(s -> s).feed(csv(QUESTIONS).random())
                .exec(http("answer").get("/api/consultation/answers").queryParam("q", "#{question}")
                    .check(status().is(200), jsonPath("$.method").is("hybrid"), jsonPath("$.passages[0].article").exists())));
    setUp(ask.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(SECONDS))))
        .protocols(http.baseUrl(BASE).disableCaching().shareConnections());
  }
}
