package org.tongban.exchange.internal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tongban.exchange.ApiKeys;
import org.tongban.exchange.ExchangeSettings;
import org.tongban.shared.RateLimits;

/**
 * Rate limits on the open data ({@code /api/open/**} and the older {@code /api/open-data/**}): a request with an
 * {@code X-API-Key} takes from that key's bucket at the key's own rate, an unknown or revoked key is refused (401);
 * without a key, from the client address's bucket; the buckets are shared by every node ({@link RateLimits}). Over
 * the limit: 429 with {@code Retry-After}.
 */
@Configuration(proxyBeanMethods = false)
class OpenDataLimits {

  static final String RETRY_AFTER = "tongban.retry-after";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> openDataLimitFilter(ApiKeys access, ExchangeSettings settings,
                                                                   RateLimits buckets) {
    int perAddress = settings.open().perAddress();
    var filter = new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String key = request.getHeader("X-API-Key");
        String bucket;
        int perMinute;
        if (key != null) {
          var limit = access.limit(key.strip());
          if (limit.isEmpty()) {
            response.sendError(401);
            return;
          }
          bucket = "key:" + limit.get().id() + "/" + limit.get().perMinute();
          perMinute = limit.get().perMinute();
        } else {
          bucket = "address:" + request.getRemoteAddr();
          perMinute = perAddress;
        }
        var probe = buckets.take("open-data:" + bucket, perMinute, Duration.ofMinutes(1));
        if (!probe.taken()) {
          long seconds = probe.waitSeconds();
          response.setHeader("Retry-After", String.valueOf(seconds));
          request.setAttribute(RETRY_AFTER, seconds);
          response.sendError(429);
          return;
        }
        response.setHeader("X-RateLimit-Remaining", String.valueOf(probe.remaining()));
        chain.doFilter(request, response);
      }
    };
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(filter);
    registration.addUrlPatterns("/api/open/*", "/api/open-data/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    registration.setName("openDataLimits");
    return registration;
  }
}
