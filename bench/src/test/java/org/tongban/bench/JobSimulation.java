package org.tongban.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The job board under load (bench/jobs.sh). {@code -Dphase=search}: {@code -Dusers} anonymous users search the board
 * in their own words (a word alone, in a city, in a county, with a pay floor) for {@code -Dseconds}, each reading the
 * page for 2–8 s before the next ({@code -Dpause=5}, the mean; 0 for the saturation run).
 * {@code -Dphase=recommend}: as many signed-in seekers sign in, meet, then ask for their recommended vacancies in a loop.
 */
public class JobSimulation extends Simulation {

  static final String BASE = System.getProperty("base", "http://127.0.0.1:18080");
  static final int USERS = Integer.getInteger("users", 200);
  static final int SECONDS = Integer.getInteger("seconds", 60);
  static final String PHASE = System.getProperty("phase", "search");
  /** Each user reads a page before the next request: 2–8 s (mean 5 s); 0 for the saturation run. */
  static final int PAUSE = Integer.getInteger("pause", 5);

  {
    if (PHASE.equals("search")) {
      // Users arrive spread over one mean pause, not all in the same millisecond.
      var search = scenario("searchers").pause(Duration.ZERO, Duration.ofMillis(PAUSE * 1000L))
          .during(Duration.ofSeconds(SECONDS)).on(
          exec(s -> s).feed(csv(System.getProperty("queries")).random())
              .exec(http("search").get("/api/vacancies").queryParam("q", "#{q}").queryParam("region", "#{region}")
                  .queryParam("minPay", "#{minPay}").queryParam("size", "20")
                  .check(status().is(200), jsonPath("$.total").exists()))
              .pause(Duration.ofMillis(PAUSE * 400L), Duration.ofMillis(PAUSE * 1600L)));
      setUp(search.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(SECONDS))))
          .protocols(http.baseUrl(BASE).disableCaching().shareConnections());
    } else {
      var seekers = scenario("seekers")
          .feed(csv(System.getProperty("accounts")).queue())
          .exec(CaseSimulation.signIn("#{user}"))
          // Everybody signs in first (password hashing takes the CPU a while), then all ask together.
          .rendezVous(USERS)
          .pause(Duration.ZERO, Duration.ofMillis(PAUSE * 1000L))
          .during(Duration.ofSeconds(SECONDS)).on(
              exec(http("recommendations").get("/api/job-seeker/recommendations")
                  .check(status().is(200), jsonPath("$[0].score").exists()))
                  .pause(Duration.ofMillis(PAUSE * 400L), Duration.ofMillis(PAUSE * 1600L)));
      // Sign-ins spread over a minute: password hashing for all at once would time out before the measure begins.
      setUp(seekers.injectOpen(rampUsers(USERS).during(Duration.ofSeconds(60))))
          .protocols(http.baseUrl(BASE).disableCaching().shareConnections());
    }
  }
}
