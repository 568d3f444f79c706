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
 * The public facility finder under load (bench/facilities.sh): anonymous users ask for a type in a county
 * (half of them free places only) and for the nearest facilities of a type around a real facility's point.
 */
public class FacilitySearchSimulation extends Simulation {

  static final String BASE = System.getProperty("base", "http://127.0.0.1:18080");
  static final int USERS = Integer.getInteger("users", 50);
  static final int SECONDS = Integer.getInteger("seconds", 60);
  static final String QUERIES = System.getProperty("queries");

  {
    var search = scenario("finder")
        .during(Duration.ofSeconds(SECONDS)).on(
            exec(s -> s).feed(csv(QUERIES).random())
                .exec(http("type in county").get("/api/facilities?type=#{type}&within=#{within}&free=#{free}&size=20")
                    .check(status().is(200), jsonPath("$.total").exists()))
                .exec(http("nearest of type").get("/api/facilities?type=#{type}&lon=#{lon}&lat=#{lat}&radiusKm=10&size=20")
                    .check(status().is(200), jsonPath("$.items[0].id").exists())));
    setUp(search.injectClosed(constantConcurrentUsers(USERS).during(Duration.ofSeconds(SECONDS))))
        .protocols(http.baseUrl(BASE).disableCaching().shareConnections());
  }
}
