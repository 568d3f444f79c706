package org.tongban.health.internal.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The FHIR API (and clinics' case reports) take bearer tokens of this platform only: no session, no cookie, so no CSRF. The capability statement
 * and the SMART configuration are public; which scope each operation needs, and which patients a clinic reaches, the providers decide.
 */
@Configuration(proxyBeanMethods = false)
class FhirSecurity {

  @Bean
  @Order(0)
  SecurityFilterChain fhirClients(HttpSecurity http) throws Exception {
    http.securityMatcher("/fhir/**", "/api/health/clinic/**")
        .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/fhir/metadata", "/fhir/.well-known/smart-configuration").permitAll()
            .requestMatchers("/api/health/clinic/**").hasAuthority("SCOPE_" + org.tongban.health.Clinics.WRITE)
            .anyRequest().authenticated())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()));
    return http.build();
  }
}
