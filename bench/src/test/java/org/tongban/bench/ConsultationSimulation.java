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
 * evaluation set after the other — reading each answer PAUSE seconds on average, or back to back with PAUSE=0 — over
 * the whole knowledge base, embedding included. Each user's first question comes after a random part of a reading time.
 */
public class ConsultationSimulation extends Simulation {

  static final String BASE = System.getProperty("base", "http://127.0.0.1:18080");
  static final int USERS = Integer.getInteger("users", 50);
  static final int SECONDS = Integer.getInteger("seconds", 60);
  static final String QUESTIONS = System.getProperty("questions");
  /** Mean seconds a resident reads an answer before the next question (uniform 0.4–1.6 × it); 0: back to back. */
  static final int PAUSE = Integer.getInteger("pause", 0);

  {
    // Each resident comes in at a random moment of the first reading time, as people do, instead of all fifty asking
    // in the same millisecond: that burst alone queued fifty embeddings on two cores and was the p99 of a run.
    var ask = scenario("ask")
        .pause(Duration.ZERO, Duration.ofMillis(Math.max(1, PAUSE * 1600L)))
        .during(Duration.ofSeconds(SECONDS)).on(
            exec(s -> s).feed(csv(QUESTIONS).random())
                .exec(http("answer").get("/api/consultation/answers").queryParam("q", "#{question}")
                    .check(status().is(200), jsonPath("$.method").is("hybrid"), jsonPath("$.passages[0].article").exists()))
                .pause(Duration.ofMillis(PAUSE * 400L), Duration.ofMillis(Math.max(1, PAUSE * 1600L))));
    setUp(ask.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(SECONDS))))
        .protocols(http.baseUrl(BASE).disableCaching().shareConnections());
  }
}
