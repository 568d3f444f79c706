package org.tongban.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tongban.audit.AuditTrail;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.tongban.identity.SmartLaunch;
import org.tongban.shared.PlatformSettings;

/**
 * Tongban as the OpenID Connect provider (一次登录): discovery, JWK set, authorization code with PKCE,
 * refresh tokens, client credentials, user info and RP-initiated logout, with clients and consents in
 * PostgreSQL and signing keys from {@link SigningKeys}. People sign in on Tongban's own sign-in page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class AuthorizationServerConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServer(HttpSecurity http, SmartLaunchSupport smart, JwtDecoder tokens,
                                         RegisteredClientRepository clients) throws Exception {
    var tokenResponses = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
    tokenResponses.setAccessTokenResponseCustomizer(smart.tokenResponse(tokens));
    var server = new OAuth2AuthorizationServerConfigurer();
    var endpoints = server.getEndpointsMatcher();
    http.securityMatcher(endpoints)
        // Subjects are pairwise per client (PairwiseSubjects): discovery says so instead of the default "public".
        .with(server, s -> s.oidc(o -> o.providerConfigurationEndpoint(p -> p.providerConfigurationCustomizer(c -> c
                .subjectTypes(types -> {
                  types.clear();
                  types.add("pairwise");
                })
                // A client registered for ES256 ID tokens gets them (id_token_signed_response_alg); the rest RS256.
                .idTokenSigningAlgorithms(algorithms -> {
                  if (!algorithms.contains("ES256")) algorithms.add("ES256");
                }))))
            .authorizationEndpoint(a -> a.consentPage("/oauth2/consent")
                // SMART App Launch: an app asking for patient data names our FHIR server as its audience.
                .authenticationProviders(providers -> providers.forEach(p -> {
                  if (p instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codes) {
                    codes.setAuthenticationValidator(
                        new OAuth2AuthorizationCodeRequestAuthenticationValidator().andThen(smart.audience()));
                  }
                })))
            .tokenEndpoint(t -> t.accessTokenResponseHandler(tokenResponses))
            // Client-credentials tokens are not stored: introspection answers them from their signature and claims.
            .tokenIntrospectionEndpoint(t -> t.authenticationProviders(
                providers -> providers.addFirst(new ClientCredentialsIntrospection(tokens, clients))))
            .clientAuthentication(c -> c.authenticationProviders(providers -> providers.forEach(p -> {
              if (p instanceof ClientSecretAuthenticationProvider secrets) secrets.setPasswordEncoder(ClientSecrets.encoder());
            }))))
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        // Staff reach departments' systems only after their second factor, as they reach ours. The
        // authorization endpoint issues codes before the authorization filter runs, so the gate sits early.
        .addFilterAfter(secondFactorGate(), SecurityContextHolderFilter.class)
        .csrf(c -> c.ignoringRequestMatchers(endpoints))
        .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
        .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()));
    return http.build();
  }

  private static OncePerRequestFilter secondFactorGate() {
    var authorize = PathPatternRequestMatcher.withDefaults().matcher("/oauth2/authorize");
    var cache = new HttpSessionRequestCache();
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (authorize.matches(request) && SecurityConfiguration.lacksSecondFactor()) {
          cache.saveRequest(request, response);
          response.sendRedirect(request.getContextPath() + "/login/second-factor");
          return;
        }
        chain.doFilter(request, response);
      }
    };
  }

  @Bean
  CachedClients registeredClients(JdbcOperations jdbc, org.tongban.shared.NodeSignals signals) {
    return new CachedClients(new RotatingRefreshTokens(new JdbcRegisteredClientRepository(jdbc)), signals);
  }

  @Bean
  OAuth2AuthorizationConsentService consents(JdbcOperations jdbc, RegisteredClientRepository clients) {
    return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
  }

  @Bean
  OAuth2AuthorizationService authorizations(JdbcOperations jdbc, TransactionTemplate transactions,
                                            RegisteredClientRepository clients, AuditTrail audit,
                                            org.springframework.beans.factory.ObjectProvider<org.tongban.unit.UnitAgents> agents) {
    return new PortableAuthorizations(jdbc, transactions, clients, audit, agents);
  }

  @Bean
  JwtDecoder jwtDecoder(SigningKeys keys) {
    return NimbusJwtDecoder.withJwkSource(keys.tokenKeys())
        .jwsAlgorithms(algorithms -> {
          algorithms.add(SignatureAlgorithm.RS256);
          algorithms.add(SignatureAlgorithm.ES256);
        }).build();
  }

  /**
   * The issuer is the configured public address, never the request's Host header: a request naming another host
   * changed the issuer in discovery and in ID tokens before.
   */
  @Bean
  AuthorizationServerSettings authorizationServerSettings(PlatformSettings settings) {
    return AuthorizationServerSettings.builder().issuer(settings.base()).build();
  }

  /**
   * Every token names its signing key (ES256 for access tokens, RS256 for ID tokens unless the client asked for ES256); tokens issued for a person carry that person's pairwise subject for
   * the client, never the username. ID tokens for a resident carry only the claims of the scopes the client
   * was granted: {@code profile} → name; {@code phone} → phone_number; {@code id_number} → the unmasked
   * 公民身份号码; {@code unit} → {@code acting_unit}, the unit (credit code and name) the person acted for when
   * authorising the client, in ID and access tokens. Releasing a phone or an ID number is written to the audit trail
   * every time.
   */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> tokenCustomizer(SigningKeys keys, PairwiseSubjects subjects,
                                                            ResidentSecrets residents, AuditTrail audit,
                                                            SmartLaunchSupport smart) {
    return context -> {
      // Access tokens are signed with the P-256 key (a tenth of RSA's cost; they are read by resource servers, which
      // take the keys from the platform's JWK set); ID tokens with RSA, which every OpenID client accepts, unless the
      // client was registered for ES256 ID tokens (its token settings name the algorithm; the generator uses it).
      if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
        context.getJwsHeader().algorithm(SignatureAlgorithm.ES256).keyId(keys.activeEcKeyId());
      } else if (SignatureAlgorithm.ES256.equals(
          context.getRegisteredClient().getTokenSettings().getIdTokenSignatureAlgorithm())) {
        context.getJwsHeader().algorithm(SignatureAlgorithm.ES256).keyId(keys.activeEcKeyId());
      } else {
        context.getJwsHeader().keyId(keys.activeKeyId());
      }
      if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) return;
      Authentication person = context.getPrincipal();
      String clientId = context.getRegisteredClient().getClientId();
      context.getClaims().subject(subjects.subject(clientId, person.getName()));
      // 法人: the unit the person acted for when they authorised the client, only with the scope they consented to.
      var authorization = context.getAuthorization();
      String unit = authorization == null ? null : authorization.getAttribute(PortableAuthorizations.ACTING_UNIT);
      if (unit != null && context.getAuthorizedScopes().contains("unit")) {
        var parts = unit.split("\t", 2);
        context.getClaims().claim("acting_unit", Map.of("credit_code", parts[0], "name", parts.length > 1 ? parts[1] : ""));
      }
      var scopes = context.getAuthorizedScopes();
      // SMART App Launch: the resident herself is the patient in context of a patient/ scope.
      var patient = SmartLaunchSupport.asksForPatientData(scopes) ? smart.patientOf(person.getName()) : Optional.<UUID>empty();
      patient.ifPresent(p -> context.getClaims().claim(SmartLaunch.PATIENT_CLAIM, p.toString()));
      if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) return;
      if (!person.getName().startsWith(ResidentUser.PREFIX)) return;
      if (scopes.contains(SmartLaunch.FHIR_USER)) {
        patient.ifPresent(p -> context.getClaims().claim(SmartLaunch.FHIR_USER, smart.fhirBase() + "/Patient/" + p));
      }
      var released = residents.release(UUID.fromString(person.getName().substring(ResidentUser.PREFIX.length())));
      if (scopes.contains(OidcScopes.PROFILE)) context.getClaims().claim("name", released.name());
      var disclosed = new java.util.TreeSet<String>();
      if (scopes.contains(OidcScopes.PHONE)) {
        context.getClaims().claim("phone_number", "+86" + released.phone());
        disclosed.add("phone_number");
      }
      if (scopes.contains("id_number") && released.idNumber() != null) {
        context.getClaims().claim("id_number", released.idNumber());
        disclosed.add("id_number");
      }
      if (!disclosed.isEmpty()) {
        audit.recordAs(person.getName(), "identity.claims-released", null,
            Map.of("client", clientId, "claims", String.join(",", disclosed)));
      }
    };
  }
}
