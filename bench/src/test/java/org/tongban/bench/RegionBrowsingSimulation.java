package org.tongban.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Residents browsing the division tree over HTTP: provinces → a city → its counties → a county's
 * townships → a township's villages, plus a search by Chinese name. Runs against a platform started on
 * {@code -Dbase=http://127.0.0.1:18080} (bench/run.sh gatling starts one). Bounded: {@code -Drate} new
 * users per second for {@code -Dseconds}.
 */
public class RegionBrowsingSimulation extends Simulation {

  static final String BASE = System.getProperty("base", "http://127.0.0.1:18080");
  static final int RATE = Integer.getInteger("rate", 100);
  static final int SECONDS = Integer.getInteger("seconds", 60);

  HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptHeader("application/json")
      .acceptLanguageHeader("zh-CN").shareConnections();

  ScenarioBuilder browse = scenario("browse regions")
      .feed(csv("counties.csv").random())
      .exec(http("provinces").get("/api/regions").check(status().is(200)))
      .exec(http("city children").get("/api/regions?parent=#{city}").check(status().is(200)))
      .exec(http("county").get("/api/regions/#{county}").check(status().is(200)))
      .exec(http("county children").get("/api/regions?parent=#{county}&size=50").check(status().is(200),
          jsonPath("$.items[0].code").saveAs("township")))
      .exec(http("township children").get("/api/regions?parent=#{township}&size=50").check(status().is(200)))
      .exec(http("population").get("/api/regions/#{county}/population").check(status().is(200)))
      .exec(http("search by name").get("/api/regions/search?q=#{name}").check(status().is(200)));

  {
    setUp(browse.injectOpen(constantUsersPerSec(RATE).during(SECONDS))).protocols(protocol)
        .assertions(global().failedRequests().count().is(0L));
  }
}
