package org.tongban.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.tongban.shared.RateLimits;
import tools.jackson.databind.json.JsonMapper;

/**
 * Form sign-in with server sessions for staff pages and the JSON API. API calls without a session get a 401
 * problem detail instead of a redirect to the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

  /**
   * No observations from Spring Security. Its timers and spans for every filter of every request, and for each
   * authentication and authorisation, were a fifth of a token grant's CPU (#18.4); switched off by property, the
   * observations were no-ops but every filter and the authentication and authorisation managers were still wrapped in
   * their decorators (up to 4 % of a client-credentials grant's samples, run 11). Requests keep their
   * http.server.requests metrics.
   */
  @Bean
  SecurityObservationSettings noSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  @Order(2)
  SecurityFilterChain web(HttpSecurity http, MessageSource messages, JsonMapper json,
                          IdentitySettings settings, ThrottleSettings throttle, RateLimits buckets,
                          ObjectProvider<ClientRegistrationRepository> upstreams,
                          FederatedResidents federated,
                          org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository clients)
      throws Exception {
    var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    http
        .authorizeHttpRequests(a -> a
            .requestMatchers("/", "/login", "/login/sms", "/login/reset", "/register", "/register/next", "/regions", "/regions/**", "/api/regions", "/api/regions/**",
                "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/favicon.svg", "/error", "/denied", "/prefs/**",
                "/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers(HttpMethod.GET, "/services", "/services/{code}", "/verify", "/verify/**",
                "/api/catalogue/**", "/api/booking/resources/*/slots", "/api/facilities", "/api/facilities/types",
                "/api/facilities/{id:[0-9a-f-]{36}}", "/facilities", "/facilities/{id:[0-9a-f-]{36}}",
                "/api/facilities/{id:[0-9a-f-]{36}}/resources", "/api/open-data/**", "/api/credit-codes/*", "/api/vacancies", "/api/vacancies/{id:[0-9a-f-]{36}}",
                "/jobs", "/jobs/{id:[0-9a-f-]{36}}", "/jobs/fairs", "/insurance/calculators", "/api/insurance/calculators/*", "/api/insurance/rates", "/api/insurance/benefit-standards", "/api/consultation/answers", "/api/exchange/resources", "/api/exchange/resources/**", "/data/exchange", "/api/open/**", "/data/open", "/api/csrf", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
            .requestMatchers("/services/*/apply", "/services/life-events/*/apply", "/my/**", "/facilities/*/apply", "/jobs/*/apply", "/jobs/fairs/**",
                "/api/placements/**").hasRole("RESIDENT")
            // Offices are opened by administrators; targets are allocated by planners.
            .requestMatchers(HttpMethod.POST, "/api/offices").access(withSecondFactor("ADMIN"))
            .requestMatchers(HttpMethod.POST, "/planning/targets/*/allocations").access(withSecondFactor("PLANNER"))
            .requestMatchers("/workbench/**", "/planning/**", "/planning").access(withSecondFactor("STAFF"))
            .requestMatchers("/supervision/**", "/api/supervision/**").access(withSecondFactor("SUPERVISOR"))
            .requestMatchers("/api/facilities/*/placements").hasRole("RESIDENT")
            .requestMatchers("/api/facilities/**", "/api/visits/**").access(withSecondFactor("STAFF"))
            .requestMatchers("/api/cases/**", "/api/life-events/**", "/api/booking/**").access(AuthorizationManagers.anyOf(
                AuthorityAuthorizationManager.hasRole("RESIDENT"), withSecondFactor("STAFF")))
            .requestMatchers("/api/minimum-wages/**", "/api/minimum-wages").access(withSecondFactor("STAFF"))
            // 12333: anybody asks and rates the answer they got; tickets are a signed-in resident's own, worked by staff.
            .requestMatchers("/consultation", "/consultation/rating", "/api/consultation/conversations",
                "/api/consultation/conversations/*/rating").permitAll()
            .requestMatchers("/api/consultation/my/**").hasRole("RESIDENT")
            // Health records: a resident's own; clinics are registered by administrators (the FHIR API has its own chain).
            .requestMatchers("/api/health/me/**").hasRole("RESIDENT")
            .requestMatchers("/api/health/clinics").access(withSecondFactor("ADMIN"))
            .requestMatchers("/api/health/alerts", "/api/health/alerts/**", "/api/health/services/**",
                "/api/health/capacity", "/api/health/capacity/**").access(withSecondFactor("STAFF"))
            .requestMatchers("/api/consultation/tickets/**", "/api/consultation/tickets", "/api/consultation/entries",
                "/api/consultation/entries/**", "/api/consultation/analytics", "/api/consultation/desk/**").access(withSecondFactor("STAFF"))
            .requestMatchers("/api/consultation/texts").access(withSecondFactor("ADMIN"))
            .requestMatchers("/api/exchange/subscribers", "/api/exchange/subscribers/**", "/api/exchange/national",
                "/api/open-keys", "/api/open-keys/**")
            .access(withSecondFactor("ADMIN"))
            .requestMatchers("/api/exchange/subscriptions", "/api/exchange/subscriptions/**", "/api/exchange/flow-back",
                "/api/exchange/dead-letters", "/api/exchange/dead-letters/**")
            .access(withSecondFactor("STAFF"))
            .requestMatchers("/api/insurance/me/**", "/api/insurance/unit/**").hasRole("RESIDENT")
            .requestMatchers("/api/insurance/**").access(withSecondFactor("STAFF"))
            .requestMatchers("/api/vacancies/**", "/api/vacancies", "/api/job-applications/**").access(AuthorizationManagers.anyOf(
                AuthorityAuthorizationManager.hasRole("RESIDENT"), withSecondFactor("STAFF")))
            .requestMatchers("/api/units/**").access(AuthorizationManagers.anyOf(
                AuthorityAuthorizationManager.hasRole("RESIDENT"), withSecondFactor("STAFF")))
            .requestMatchers("/api/catalogue/**").access(withSecondFactor("OFFICER", "ADMIN"))
            .requestMatchers("/login/second-factor", "/login/second-factor/**", "/oauth2/consent").authenticated()
            .requestMatchers("/audit/**", "/api/audit/**").access(withSecondFactor("ADMIN", "AUDITOR"))
            .requestMatchers("/admin/**").access(withSecondFactor("ADMIN"))
            .requestMatchers("/account/**").access(withSecondFactor("STAFF"))
            .requestMatchers("/residents/accounts/**").access(withSecondFactor("CLERK", "AGENT", "ADMIN"))
            .requestMatchers("/residents/**", "/api/residents/**", "/offices/**", "/api/offices/**")
            .access(withSecondFactor("STAFF"))
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login").successHandler(afterPassword()).permitAll())
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
        .exceptionHandling(e -> e
            .defaultAuthenticationEntryPointFor((request, response, ex) ->
                problem(response, 401, messages, json, request, "unauthenticated"), api)
            .defaultAccessDeniedHandlerFor((request, response, ex) ->
                problem(response, 403, messages, json, request, lacksSecondFactor() ? "second-factor-required" : "forbidden"), api)
            .defaultAccessDeniedHandlerFor(secondFactorFirst(), PathPatternRequestMatcher.withDefaults().matcher("/**")))
        // The session store is the registry OIDC logout and the ID token's sid read (HttpSessions); a session ended
        // elsewhere is signed out by EndedSessions from the session this request loaded anyway.
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
        .addFilterAfter(new EndedSessions(settings.absoluteSessionTimeout()), SecurityContextHolderFilter.class)
        .addFilterAfter(new AuthorizationFormTargets(clients), EndedSessions.class)
        .addFilterBefore(new SignInThrottle(throttle, buckets), UsernamePasswordAuthenticationFilter.class)
        .addFilterAfter(new PasswordChangeGate(messages, json), EndedSessions.class)
        .headers(h -> h
            .contentSecurityPolicy(c -> c.policyDirectives(policy("")))
            .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    // Federation: residents may also sign in through an upstream provider, when one is configured
    // (spring.security.oauth2.client.registration.<id>.*).
    if (upstreams.getIfAvailable() != null) {
      http.oauth2Login(o -> o.loginPage("/login").failureUrl("/login?federation-failed")
          .userInfoEndpoint(u -> u.oidcUserService(federated)));
    }
    return http.build();
  }

  /** The pages' content security policy; forms may post to this platform and to {@code formTargets} (origins). */
  static String policy(String formTargets) {
    return "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
        + (formTargets.isBlank() ? "" : " " + formTargets);
  }

  /** Staff areas need one of {@code roles} and a second factor in this session (等保 2.0: two factors). */
  static AuthorizationManager<RequestAuthorizationContext> withSecondFactor(String... roles) {
    return AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasAnyRole(roles),
        AuthorityAuthorizationManager.hasAuthority(SecondFactor.AUTHORITY));
  }

  /** After the password, staff go to the second step; the page they wanted stays saved for after it. */
  static AuthenticationSuccessHandler afterPassword() {
    var onward = new SavedRequestAwareAuthenticationSuccessHandler();
    return (request, response, auth) -> {
      if (auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_STAFF"))) {
        response.sendRedirect(request.getContextPath() + "/login/second-factor");
      } else {
        onward.onAuthenticationSuccess(request, response, auth);
      }
    };
  }

  /** A signed-in page request without the second factor is sent to the second step, not refused. */
  static AccessDeniedHandler secondFactorFirst() {
    var refuse = new AccessDeniedHandlerImpl();
    refuse.setErrorPage("/denied");
    var cache = new HttpSessionRequestCache();
    return (request, response, denied) -> {
      if (lacksSecondFactor()) {
        cache.saveRequest(request, response);
        response.sendRedirect(request.getContextPath() + "/login/second-factor");
      } else {
        refuse.handle(request, response, denied);
      }
    };
  }

  static boolean lacksSecondFactor() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.isAuthenticated()
        && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_STAFF"))
        && auth.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals(SecondFactor.AUTHORITY));
  }

  static void problem(HttpServletResponse response, int status, MessageSource messages, JsonMapper json,
                              HttpServletRequest request, String code) throws IOException {
    var locale = RequestContextUtils.getLocale(request);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getWriter(), Map.of(
        "type", "https://tongban.org/problems/" + code,
        "title", messages.getMessage("problem." + code + ".title", null, code, locale),
        "status", status,
        "detail", messages.getMessage("problem." + code, null, code, locale),
        "code", code));
  }
}
