package org.tongban.identity.internal;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.tongban.identity.SmartLaunch;
import org.tongban.shared.PlatformSettings;

/**
 * The provider's part of SMART App Launch: an app asking for patient data must name this platform's FHIR server as
 * its audience ({@code aud}, SMART App Launch §"authorize request": the server rejects any other); a resident's token
 * granted a {@code patient/} scope carries her registry id, and the token response repeats it as {@code patient}.
 */
@Component
class SmartLaunchSupport implements SmartLaunch {

  private final JdbcClient jdbc;
  private final RegisteredClientRepository clients;
  private final PlatformSettings settings;

  SmartLaunchSupport(JdbcClient jdbc, RegisteredClientRepository clients, PlatformSettings settings) {
    this.jdbc = jdbc;
    this.clients = clients;
    this.settings = settings;
  }

  @Override
  public Optional<String> clientName(String clientId) {
    return Optional.ofNullable(clients.findByClientId(clientId)).map(c -> c.getClientName());
  }

  String fhirBase() {
    return settings.base() + FHIR_PATH;
  }

  static boolean asksForPatientData(java.util.Collection<String> scopes) {
    return scopes.stream().anyMatch(s -> s.startsWith("patient/") || s.equals(LAUNCH_PATIENT));
  }

  /** The registry person behind a resident's principal name, when her account is linked to one. */
  Optional<UUID> patientOf(String principal) {
    if (!principal.startsWith(ResidentUser.PREFIX)) return Optional.empty();
    return jdbc.sql("select person_id from identity.resident_account where id = ?")
        .param(UUID.fromString(principal.substring(ResidentUser.PREFIX.length())))
        .query(UUID.class).optional();
  }

  /** Refuses an authorization request for patient data whose {@code aud} is missing or not our FHIR server. */
  Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> audience() {
    return context -> {
      OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
      if (!asksForPatientData(request.getScopes())) return;
      Object aud = request.getAdditionalParameters().get("aud");
      if (aud == null || !stripSlash(aud.toString()).equals(fhirBase())) {
        var error = new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
            "aud 必须是本平台的 FHIR 服务地址 " + fhirBase() + " / aud must be this platform's FHIR server", null);
        throw new OAuth2AuthorizationCodeRequestAuthenticationException(error, request);
      }
    };
  }

  /** Adds {@code patient} to a token response whose access token carries a patient in context. */
  Consumer<OAuth2AccessTokenAuthenticationContext> tokenResponse(JwtDecoder tokens) {
    return context -> {
      OAuth2AccessTokenAuthenticationToken issued = context.getAuthentication();
      if (!asksForPatientData(issued.getAccessToken().getScopes())) return;
      String patient = tokens.decode(issued.getAccessToken().getTokenValue()).getClaimAsString(PATIENT_CLAIM);
      if (patient != null) {
        var parameters = new java.util.LinkedHashMap<String, Object>(issued.getAdditionalParameters());
        parameters.put(PATIENT_CLAIM, patient);
        context.getAccessTokenResponse().additionalParameters(parameters);
      }
    };
  }

  private static String stripSlash(@Nullable String value) {
    return value == null ? "" : value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }
}
