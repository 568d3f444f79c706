package org.tongban.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Bookings under load (bench/facilities.sh): residents sign in once, then book a place and cancel it again, in a
 * loop. {@code -Dslot=<id>}: everybody on one hot slot; {@code -Dslots=<csv>}: a random slot of 10,000 each time.
 * {@code -Dusers} users sign in, meet, then loop for {@code -Dseconds}: the rate is bookings over those seconds.
 */
public class BookingSimulation extends Simulation {

  static final String BASE = System.getProperty("base", "http://127.0.0.1:18080");
  static final int USERS = Integer.getInteger("users", 200);
  static final int SECONDS = Integer.getInteger("seconds", 60);
  static final String PASSWORD = System.getProperty("password");
  static final String ACCOUNTS = System.getProperty("accounts");
  static final String SLOT = System.getProperty("slot");
  static final String SLOTS = System.getProperty("slots");

  {
    var bookAndCancel = exec(http("book").post("/api/booking/slots/#{slot}/bookings").header("X-CSRF-TOKEN", "#{csrf}")
            .check(status().is(201), jsonPath("$.id").saveAs("booking")))
        .exec(http("cancel").post("/api/booking/bookings/#{booking}/cancel").header("X-CSRF-TOKEN", "#{csrf}")
            .check(status().is(200)));
    var loop = SLOT != null
        ? exec(s -> s.set("slot", SLOT)).exec(bookAndCancel)
        : exec(s -> s).feed(csv(SLOTS).random()).exec(bookAndCancel);
    var residents = scenario("residents")
        .feed(csv(ACCOUNTS).queue())
        .exec(CaseSimulation.signIn("#{user}"))
        .exec(http("token").get("/facilities").check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
        // Everybody signs in first (Argon2id takes the CPU for a while), then all book together for SECONDS.
        .rendezVous(USERS)
        .during(Duration.ofSeconds(SECONDS)).on(loop);
    setUp(residents.injectOpen(atOnceUsers(USERS)))
        .protocols(http.baseUrl(BASE).disableCaching().shareConnections());
  }
}
