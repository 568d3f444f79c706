package org.tongban.bench;

import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Registers the benchmark's client system in Tongban's database as the admin page would (client secret
 * stored as SHA-256: it is 256 random bits, see ClientSecrets).
 *
 * <p>Usage: {@code OneLoginClients jdbcUrl user password clientId secret redirectUri}
 */
public final class OneLoginClients {

  public static void main(String[] args) {
    var ds = new PGSimpleDataSource();
    ds.setUrl(args[0]);
    ds.setUser(args[1]);
    ds.setPassword(args[2]);
    var clients = new JdbcRegisteredClientRepository(new JdbcTemplate(ds));
    String hash;
    try {
      hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(args[4].getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(args[3]).clientName("benchmark")
        .clientSecret("{sha256}" + hash)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .redirectUri(args[5]).scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
        .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(true).build())
        // ES256 ID tokens, as the registration page offers (Keycloak's client is configured alike in one-login.sh).
        .tokenSettings(TokenSettings.builder().idTokenSignatureAlgorithm(SignatureAlgorithm.ES256).build())
        .build());
    System.out.println("registered " + args[3]);
  }
}
