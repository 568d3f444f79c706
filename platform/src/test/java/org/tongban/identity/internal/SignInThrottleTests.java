package org.tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.tongban.shared.RateLimits;

/**
 * Limits on the sign-in endpoints: buckets per address and per account, kept in PostgreSQL and shared by nodes (two
 * nodes' throttles over one database count one account's tries together), and the hashing cap of a node. Addresses
 * and accounts are new for each run: the buckets outlive a test.
 */
@SpringBootTest
@Tag("persistence")
class SignInThrottleTests {

  @Autowired DataSource dataSource;
  @Autowired RateLimits buckets;

  /** New for each run: the buckets outlive a test. */
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  private SignInThrottle throttle(ThrottleSettings settings) {
    return new SignInThrottle(settings, buckets);
  }

  @Test
  void anAccountsTriesAreCountedTogetherOnEveryNode() throws Exception {
    var settings = new ThrottleSettings(1000, 10, 20, 4, Duration.ofMillis(100));
    var nodeA = new SignInThrottle(settings, new RateLimits(JdbcClient.create(dataSource)));
    var nodeB = new SignInThrottle(settings, new RateLimits(JdbcClient.create(dataSource)));
    String account = "clerk-nodes-" + RUN;
    for (int i = 0; i < 10; i++) {
      assertThat(status(i % 2 == 0 ? nodeA : nodeB, post("/login", "198.51.100." + i, "username", account)))
          .isEqualTo(200);
    }
    assertThat(status(nodeA, post("/login", "198.51.100.50", "username", account))).isEqualTo(429);
    assertThat(status(nodeB, post("/login", "198.51.100.51", "username", account))).isEqualTo(429);
  }

  private static MockHttpServletRequest post(String path, String address, String param, String value) {
    var request = new MockHttpServletRequest("POST", path);
    request.setRemoteAddr(address);
    request.setParameter(param, value);
    return request;
  }

  private static int status(SignInThrottle throttle, MockHttpServletRequest request) throws Exception {
    var response = new MockHttpServletResponse();
    throttle.doFilter(request, response, (req, res) -> { });
    return response.getStatus();
  }

  @Test
  void oneAccountGetsTenTriesAMinuteFromAnyAddress() throws Exception {
    var throttle = throttle(new ThrottleSettings(1000, 10, 20, 4, Duration.ofMillis(100)));
    for (int i = 0; i < 10; i++) {
      assertThat(status(throttle, post("/login", "198.51.100." + i, "username", "clerk-a-" + RUN))).isEqualTo(200);
    }
    var response = new MockHttpServletResponse();
    throttle.doFilter(post("/login", "198.51.100.99", "username", "Clerk-A-" + RUN), response, (req, res) -> { });
    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(Long.parseLong(response.getHeader("Retry-After"))).isBetween(1L, 60L);
    assertThat(status(throttle, post("/login", "198.51.100.99", "username", "clerk-b-" + RUN))).isEqualTo(200);
  }

  @Test
  void oneAddressGetsItsShareOfTriesWhateverTheAccounts() throws Exception {
    var throttle = throttle(new ThrottleSettings(5, 10, 20, 4, Duration.ofMillis(100)));
    for (int i = 0; i < 5; i++) {
      assertThat(status(throttle, post("/login/sms", "203.0.113.7:" + RUN, "phone", "1390000000" + i))).isEqualTo(200);
    }
    assertThat(status(throttle, post("/login/sms", "203.0.113.7:" + RUN, "phone", "13900000009"))).isEqualTo(429);
    assertThat(status(throttle, post("/login/sms", "203.0.113.8:" + RUN, "phone", "13900000009"))).isEqualTo(200);
    // Pages are not counted, nor other paths.
    var get = new MockHttpServletRequest("GET", "/login");
    get.setRemoteAddr("203.0.113.7:" + RUN);
    assertThat(status(throttle, get)).isEqualTo(200);
  }

  @Test
  void smsCodesHaveTheirOwnHourlyLimitPerAddress() throws Exception {
    var throttle = throttle(new ThrottleSettings(1000, 1000, 3, 4, Duration.ofMillis(100)));
    for (int i = 0; i < 3; i++) {
      var request = post("/register", "192.0.2.1:" + RUN, "phone", "1380000000" + i);
      request.setParameter("step", "send-code");
      assertThat(status(throttle, request)).isEqualTo(200);
    }
    var fourth = post("/register", "192.0.2.1:" + RUN, "phone", "13800000009");
    fourth.setParameter("step", "send-code");
    var response = new MockHttpServletResponse();
    throttle.doFilter(fourth, response, (req, res) -> { });
    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(Long.parseLong(response.getHeader("Retry-After"))).isGreaterThan(60L);
  }

  @Test
  void passwordChecksBeyondTheCapAreRefusedAtOnceInsteadOfQueueing() throws Exception {
    var throttle = throttle(new ThrottleSettings(1000, 1000, 20, 1, Duration.ofMillis(50)));
    var inside = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    FilterChain slowHash = (req, res) -> {
      inside.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    try (var pool = Executors.newSingleThreadExecutor()) {
      var first = pool.submit(() -> {
        var response = new MockHttpServletResponse();
        throttle.doFilter(post("/login", "192.0.2.10:" + RUN, "username", "a"), response, slowHash);
        return response.getStatus();
      });
      assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
      // Answered while the first still holds the only slot: it did not wait in line.
      var response = new MockHttpServletResponse();
      throttle.doFilter(post("/login", "192.0.2.11:" + RUN, "username", "b"), response, (req, res) -> { });
      assertThat(response.getStatus()).isEqualTo(429);
      assertThat(response.getHeader("Retry-After")).isEqualTo("1");
      release.countDown();
      assertThat(first.get()).isEqualTo(200);
    }
    assertThat(status(throttle, post("/login", "192.0.2.12:" + RUN, "username", "c"))).isEqualTo(200);
  }

  @Test
  void aWindowAllowsItsCountAndStartsAfreshOnceItHasEnded() {
    String key = "window-" + RUN;
    var period = Duration.ofMillis(400);
    assertThat(buckets.take(key, 2, period)).isEqualTo(new RateLimits.Probe(0, 1));
    assertThat(buckets.take(key, 2, period)).isEqualTo(new RateLimits.Probe(0, 0));
    var refused = buckets.take(key, 2, period);
    assertThat(refused.taken()).isFalse();
    assertThat(refused.waitSeconds()).isEqualTo(1);
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> buckets.take(key, 2, period).taken());
  }

  @Test
  void theWindowsAreWrittenWithoutWal() {
    // Unlogged: a take's commit does not wait for a WAL flush while it holds the row (ADR 0013 decision 14).
    assertThat(JdbcClient.create(dataSource).sql("select relpersistence from pg_class where oid ="
        + " 'shared.rate_limit_window'::regclass").query(String.class).single()).isEqualTo("u");
  }
}
