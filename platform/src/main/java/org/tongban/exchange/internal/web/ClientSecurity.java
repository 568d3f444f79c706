package org.tongban.exchange.internal.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Department systems reach their subscriptions with an access token of the client-credentials grant carrying the
 * {@code exchange} scope (a bearer token signed by this platform): no session, no cookie, so no CSRF.
 */
@Configuration(proxyBeanMethods = false)
class ClientSecurity {

  static final String PATH = "/api/exchange/client/**";

  @Bean
  @Order(0)
  SecurityFilterChain exchangeClients(HttpSecurity http) throws Exception {
    http.securityMatcher(PATH)
        .authorizeHttpRequests(a -> a.anyRequest().hasAuthority("SCOPE_exchange"))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()));
    return http.build();
  }
}
