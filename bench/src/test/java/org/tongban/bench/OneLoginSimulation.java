package org.tongban.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.forever;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * One login under load, the same flows against Tongban or Keycloak ({@code -Dtarget}): a full
 * authorization-code sign-in with password and PKCE, a client-credentials grant, a refresh grant
 * ({@code -Dflow=login|client|refresh}). Closed model: {@code -Dusers} concurrent users looping for
 * {@code -Dseconds}. bench/one-login.sh starts both servers on loopback and runs every combination.
 */
public class OneLoginSimulation extends Simulation {

  static final String TARGET = System.getProperty("target", "tongban");
  static final String FLOW = System.getProperty("flow", "client");
  static final String BASE = System.getProperty("base", "http://127.0.0.1:18080");
  static final int USERS = Integer.getInteger("users", 16);
  static final int SECONDS = Integer.getInteger("seconds", 30);
  static final String CLIENT = System.getProperty("client", "bench-web");
  static final String SECRET = System.getProperty("secret");
  static final String USERNAME = System.getProperty("username");
  static final String PASSWORD = System.getProperty("password");
  static final String REDIRECT = "http://127.0.0.1:19999/cb";
  static final String VERIFIER = "bench-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";
  static final boolean KEYCLOAK = TARGET.equals("keycloak");
  static final String AUTHORIZE = KEYCLOAK ? "/realms/bench/protocol/openid-connect/auth" : "/oauth2/authorize";
  static final String TOKEN = KEYCLOAK ? "/realms/bench/protocol/openid-connect/token" : "/oauth2/token";

  static String challenge() {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static final String AUTHORIZE_URL = AUTHORIZE + "?response_type=code&client_id=" + CLIENT + "&redirect_uri=" + REDIRECT
      + "&scope=openid&state=bench&code_challenge=" + challenge() + "&code_challenge_method=S256";

  /** From nothing to tokens: authorize, the sign-in form with the password, the code, the token request. */
  static final ChainBuilder LOGIN = KEYCLOAK
      ? exec(flushCookieJar()).group("login").on(
          exec(http("authorize").get(AUTHORIZE_URL).check(status().is(200),
              regex("action=\"([^\"]+)\"").saveAs("action")))
          .exec(s -> s.set("action", s.getString("action").replace("&amp;", "&")))
          .exec(http("password").post("#{action}").formParam("username", USERNAME).formParam("password", PASSWORD)
              .formParam("credentialId", "").check(status().is(302), header("Location").saveAs("back")))
          .exec(s -> s.set("code", code(s.getString("back"))))
          .exec(token()))
      : exec(flushCookieJar()).group("login").on(
          exec(http("authorize").get(AUTHORIZE_URL).check(status().is(302)))
          .exec(http("login page").get("/login").check(status().is(200),
              regex("name=\"_csrf\" value=\"([^\"]+)\"").saveAs("csrf")))
          .exec(http("password").post("/login").formParam("username", USERNAME).formParam("password", PASSWORD)
              .formParam("_csrf", "#{csrf}").check(status().is(302), header("Location").saveAs("saved")))
          .exec(http("authorize again").get("#{saved}").check(status().is(302), header("Location").saveAs("back")))
          .exec(s -> s.set("code", code(s.getString("back"))))
          .exec(token()));

  static String code(String location) {
    var m = java.util.regex.Pattern.compile("[?&]code=([^&]+)").matcher(location);
    if (!m.find()) throw new IllegalStateException("no code in " + location);
    return java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
  }

  static io.gatling.javaapi.http.HttpRequestActionBuilder token() {
    return http("token").post(TOKEN).basicAuth(CLIENT, SECRET).formParam("grant_type", "authorization_code")
        .formParam("code", "#{code}").formParam("redirect_uri", REDIRECT).formParam("code_verifier", VERIFIER)
        .check(status().is(200), jsonPath("$.refresh_token").saveAs("refresh"));
  }

  static final ChainBuilder CLIENT_CREDENTIALS = exec(http("client credentials").post(TOKEN).basicAuth(CLIENT, SECRET)
      .formParam("grant_type", "client_credentials").check(status().is(200)));

  static final ChainBuilder REFRESH = exec(http("refresh").post(TOKEN).basicAuth(CLIENT, SECRET)
      .formParam("grant_type", "refresh_token").formParam("refresh_token", "#{refresh}")
      .check(status().is(200), jsonPath("$.refresh_token").saveAs("refresh")));

  ScenarioBuilder scenario = switch (FLOW) {
    case "login" -> scenario(TARGET + " login").forever().on(LOGIN);
    case "refresh" -> scenario(TARGET + " refresh").exec(LOGIN).forever().on(REFRESH);
    default -> scenario(TARGET + " client credentials").forever().on(CLIENT_CREDENTIALS);
  };

  {
    setUp(scenario.injectClosed(constantConcurrentUsers(USERS).during(SECONDS)))
        .protocols(http.baseUrl(BASE).disableFollowRedirect().shareConnections())
        .maxDuration(java.time.Duration.ofSeconds(SECONDS + 30))
        .assertions(global().failedRequests().percent().lt(1.0));
  }
}
