package org.tongban.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tongban.shared.RateLimits;

/**
 * Rate limits on the endpoints where people prove who they are: password sign-in, SMS sign-in, the second factor,
 * registration and password reset. Each attempt takes a token from the client address's bucket and from the
 * account's (username, phone, or the signed-in staff member at the second step); SMS codes also from the address's
 * code bucket. The buckets are rows in PostgreSQL ({@link RateLimits}), shared by every node. Password hashing runs at
 * most {@link ThrottleSettings#concurrentPasswordChecks()} at a time on each node (its cores). Over any
 * limit the answer is 429 with {@code Retry-After}, at once: 200 simultaneous sign-ins used to wait 10–20 s each
 * for the two cores instead.
 */
class SignInThrottle extends OncePerRequestFilter {

  /** Paths whose POST carries a password to hash (sign-in, registration, reset). */
  private static final Set<String> HASHING = Set.of("/login", "/register", "/login/reset");
  private static final Set<String> GUARDED = Set.of("/login", "/login/sms", "/login/reset", "/register",
      "/login/second-factor", "/login/second-factor/enrol");

  private final ThrottleSettings settings;
  private final RateLimits buckets;
  private final Semaphore hashing;

  SignInThrottle(ThrottleSettings settings, RateLimits buckets) {
    this.settings = settings;
    this.buckets = buckets;
    this.hashing = new Semaphore(settings.concurrentPasswordChecks(), true);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !GUARDED.contains(path(request));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = path(request);
    boolean sendsCode = "send-code".equals(request.getParameter("step"));
    long wait = take("address:" + request.getRemoteAddr(), settings.perAddress(), Duration.ofMinutes(1));
    String account = account(path, request);
    if (wait == 0 && account != null) wait = take("account:" + account, settings.perAccount(), Duration.ofMinutes(1));
    if (wait == 0 && sendsCode) {
      wait = take("codes:" + request.getRemoteAddr(), settings.codesPerAddress(), Duration.ofHours(1));
    }
    if (wait > 0) {
      tooMany(request, response, wait);
      return;
    }
    if (!HASHING.contains(path) || sendsCode) {
      chain.doFilter(request, response);
      return;
    }
    boolean acquired;
    try {
      acquired = hashing.tryAcquire(settings.waitForPasswordCheck().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) {
      tooMany(request, response, 1);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      hashing.release();
    }
  }

  /** Takes a token; returns 0 when there was one, otherwise the seconds until there will be. */
  private long take(String key, int perPeriod, Duration period) {
    return buckets.take(key, perPeriod, period).waitSeconds();
  }

  private static @Nullable String account(String path, HttpServletRequest request) {
    if (path.startsWith("/login/second-factor")) {
      var auth = SecurityContextHolder.getContext().getAuthentication();
      return auth == null ? null : auth.getName();
    }
    String typed = path.equals("/login") ? request.getParameter("username") : request.getParameter("phone");
    if (typed == null || typed.isBlank()) return null;
    String key = typed.strip().toLowerCase(Locale.ROOT);
    return key.length() > 64 ? key.substring(0, 64) : key;
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static void tooMany(HttpServletRequest request, HttpServletResponse response, long seconds)
      throws IOException {
    response.setHeader("Retry-After", String.valueOf(seconds));
    request.setAttribute(RETRY_AFTER, seconds);
    response.sendError(429);
  }

  /** Request attribute with the seconds to wait, for the error page's message. */
  static final String RETRY_AFTER = "tongban.retry-after";
}
