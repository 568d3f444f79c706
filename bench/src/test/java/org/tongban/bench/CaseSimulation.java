package org.tongban.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Casework under load (bench/cases.sh): residents sign in once, then submit applications (each with its own
 * Idempotency-Key) and read "my cases"; staff of the competent office sign in with password and authenticator
 * once, then read their queue. {@code -Dresidents} + {@code -Dstaff} users, each looping for {@code -Dseconds}
 * after signing in. Users come from the file written by {@code CaseLoad prepare} ({@code -Dusers}).
 */
public class CaseSimulation extends Simulation {

  static final String BASE = System.getProperty("base", "http://127.0.0.1:18080");
  static final int RESIDENTS = Integer.getInteger("residents", 180);
  static final int STAFF = Integer.getInteger("staff", 20);
  static final int SECONDS = Integer.getInteger("seconds", 60);
  static final String PASSWORD = System.getProperty("password");
  static final String USERS = System.getProperty("users");
  static final String APPLICATION = """
      {"item":"hrss.unemployment-benefit","form":{"applicantName":"#{name}","endDate":"2026-10-31","endReason":"合同期满",
       "bankAccount":"6222020200112233","contactPhone":"13800001111"}}""";

  static ChainBuilder signIn(String username) {
    return exec(http("login page").get("/login").check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
        .exec(http("password").post("/login").formParam("username", username).formParam("password", PASSWORD)
            .formParam("_csrf", "#{csrf}").check(status().in(200, 302)));
  }

  /** The page header carries a form with this session's CSRF token; API calls send it as a header. */
  static ChainBuilder csrf() {
    return exec(http("token").get("/services?q=x").check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf"),
        regex("class=\"who\">([^<]+)<").optional().saveAs("name")));
  }

  static String totp(String base32) {
    try {
      var key = base32Decode(base32);
      long step = System.currentTimeMillis() / 1000 / 30;
      var mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int o = h[h.length - 1] & 0xF;
      int bin = ((h[o] & 0x7F) << 24) | ((h[o + 1] & 0xFF) << 16) | ((h[o + 2] & 0xFF) << 8) | (h[o + 3] & 0xFF);
      return String.format("%06d", bin % 1_000_000);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] base32Decode(String s) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    var out = new java.io.ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char ch : s.replace("=", "").replace(" ", "").toUpperCase().toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(ch);
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xFF);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }

  static Session withKey(Session s) {
    return s.set("key", UUID.randomUUID().toString());
  }

  {
    var residents = scenario("residents")
        .feed(csv(USERS).circular())
        .exec(signIn("#{user}"))
        .exec(csrf())
        .exec(s -> s.contains("name") ? s : s.set("name", "压测居民"))
        .during(Duration.ofSeconds(SECONDS)).on(
            exec(CaseSimulation::withKey)
                .exec(http("submit").post("/api/cases").header("Content-Type", "application/json")
                    .header("X-CSRF-TOKEN", "#{csrf}").header("Idempotency-Key", "#{key}")
                    .body(StringBody(APPLICATION)).check(status().is(201), jsonPath("$.id").exists()))
                .exec(http("my cases").get("/api/cases/mine?size=20").check(status().is(200))));
    var staff = scenario("staff")
        .feed(csv(USERS.replace(".csv", "-staff.csv")).queue())
        .exec(signIn("#{user}"))
        .exec(http("enrol page").get("/login/second-factor").check(status().is(200),
            css("#totp-secret").saveAs("secret"), css("input[name=_csrf]", "value").saveAs("csrf")))
        .exec(s -> s.set("code", totp(s.getString("secret"))))
        .exec(http("enrol").post("/login/second-factor/enrol").formParam("code", "#{code}").formParam("_csrf", "#{csrf}")
            .check(status().in(200, 302)))
        .during(Duration.ofSeconds(SECONDS)).on(
            exec(http("staff queue").get("/api/cases/queue?size=30").check(status().is(200), jsonPath("$.total").exists())));
    // Each user signs in once and then loops for the whole run (a closed model of RESIDENTS + STAFF people); users
    // that ended their loop are not replaced by new ones signing in again mid-run.
    setUp(residents.injectOpen(atOnceUsers(RESIDENTS)), staff.injectOpen(atOnceUsers(STAFF)))
        .protocols(http.baseUrl(BASE).disableCaching().shareConnections());
  }
}
