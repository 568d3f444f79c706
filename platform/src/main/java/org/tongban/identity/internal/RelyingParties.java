package org.tongban.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;
import org.tongban.identity.SmartLaunch;
import org.tongban.shared.Refusal;

/**
 * Departments' systems that sign people in through Tongban (OIDC relying parties), as administrators
 * register them. Redirect URIs are matched exactly by the authorization server, so they are checked here:
 * absolute, HTTPS (plain HTTP only on loopback), no fragment, no wildcard.
 */
@Service
class RelyingParties {

  /** Scopes a client may be granted. */
  static final List<String> SCOPES = List.of("openid", "profile", "phone", "id_number", "cases.read", "unit", "exchange",
      SmartLaunch.LAUNCH_PATIENT, SmartLaunch.PATIENT_READ, SmartLaunch.FHIR_USER);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CachedClients clients;
  private final JdbcClient jdbc;
  private final AuditTrail audit;

  RelyingParties(CachedClients clients, JdbcClient jdbc, AuditTrail audit) {
    this.clients = clients;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  record Summary(String clientId, String name, String redirectUris, String scopes, boolean confidential,
                 boolean firstParty) {}

  /** What an administrator enters. */
  record Draft(String clientId, String name, boolean confidential, boolean firstParty, List<String> redirectUris,
               List<String> postLogoutRedirectUris, Set<String> scopes, boolean clientCredentials,
               boolean es256IdTokens) {}

  List<Summary> list() {
    return jdbc.sql("select client_id from public.oauth2_registered_client order by client_name").query(String.class)
        .list().stream().map(clients::findByClientId)
        .map(c -> new Summary(c.getClientId(), c.getClientName(), String.join(" ", c.getRedirectUris()),
            String.join(" ", c.getScopes()),
            !c.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE),
            !c.getClientSettings().isRequireAuthorizationConsent()))
        .toList();
  }

  /** Registers a client; returns its secret (shown once) or null for a public client. */
  @Transactional
  String register(Draft draft) {
    if (!draft.clientId().matches("[a-z0-9][a-z0-9.-]{2,59}")) throw new InvalidClient("client-id");
    if (draft.name().isBlank() || draft.name().length() > 100) throw new InvalidClient("name");
    if (clients.findByClientId(draft.clientId()) != null) throw new InvalidClient("duplicate");
    if (draft.redirectUris().isEmpty()) throw new InvalidClient("redirect-uri");
    draft.redirectUris().forEach(RelyingParties::checkRedirect);
    draft.postLogoutRedirectUris().forEach(RelyingParties::checkRedirect);
    if (!SCOPES.containsAll(draft.scopes()) || !draft.scopes().contains("openid")) throw new InvalidClient("scope");
    if (draft.clientCredentials() && !draft.confidential()) throw new InvalidClient("grant");

    String secret = null;
    var builder = RegisteredClient.withId(UUID.randomUUID().toString()).clientId(draft.clientId())
        .clientName(draft.name().strip())
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .clientSettings(ClientSettings.builder().requireProofKey(true)
            .requireAuthorizationConsent(!draft.firstParty() || SmartLaunchSupport.asksForPatientData(draft.scopes()))
            .build());
    // ES256 ID tokens for a client that checks them (a fraction of RSA's signing cost on every sign-in and refresh).
    if (draft.es256IdTokens()) {
      builder.tokenSettings(TokenSettings.builder().idTokenSignatureAlgorithm(SignatureAlgorithm.ES256).build());
    }
    if (draft.confidential()) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      builder.clientSecret(ClientSecrets.encoder().encode(secret))
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
      if (draft.clientCredentials()) builder.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
    } else {
      builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
    }
    draft.redirectUris().forEach(builder::redirectUri);
    draft.postLogoutRedirectUris().forEach(builder::postLogoutRedirectUri);
    new LinkedHashSet<>(draft.scopes()).forEach(builder::scope);
    clients.save(builder.build());
    audit.record("identity.client-registered", "client", draft.clientId(), null,
        Map.of("name", draft.name().strip(), "redirectUris", String.join(" ", draft.redirectUris()),
            "firstParty", String.valueOf(draft.firstParty()), "es256IdTokens", String.valueOf(draft.es256IdTokens())));
    return secret;
  }

  /** Issues a new secret for a confidential client (the old one stops working at once); returns it once. */
  @Transactional
  String rotateSecret(String clientId) {
    var client = clients.findByClientId(clientId);
    if (client == null || client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
      throw new InvalidClient("unknown");
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    clients.save(RegisteredClient.from(client).clientSecret(ClientSecrets.encoder().encode(secret)).build());
    audit.record("identity.client-secret-rotated", "client", clientId, null, Map.of());
    return secret;
  }

  /** Removes a client: it can no longer sign anyone in or get tokens; its issued tokens are revoked. */
  @Transactional
  void remove(String clientId) {
    var client = clients.findByClientId(clientId);
    if (client == null) throw new InvalidClient("unknown");
    jdbc.sql("delete from public.oauth2_authorization where registered_client_id = ?").param(client.getId()).update();
    jdbc.sql("delete from public.oauth2_authorization_consent where registered_client_id = ?").param(client.getId()).update();
    jdbc.sql("delete from public.oauth2_registered_client where id = ?").param(client.getId()).update();
    clients.changed();
    audit.record("identity.client-removed", "client", clientId, null, Map.of("name", client.getClientName()));
  }

  static void checkRedirect(String uri) {
    try {
      org.tongban.shared.OutboundUri.httpsOrLoopback(uri);
      if (uri.contains("*")) throw new InvalidClient("redirect-uri");
    } catch (IllegalArgumentException e) {
      throw new InvalidClient("redirect-uri");
    }
  }

  static final class InvalidClient extends Refusal {
    InvalidClient(String field) {
      super("identity.invalid-client." + field, 400);
    }
  }
}
