package org.tongban.identity.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Introspection (RFC 7662) of the access tokens systems get with client credentials. Those are not stored (nothing
 * refers back to them, and a row per token was most of a grant's database work): a valid one is recognised by its
 * signature with the platform's ES256 token key and its subject (the client itself, also its audience), and answered
 * from its own claims. Every other token — a person's,
 * whose authorization may have been revoked — is left to the stored authorizations (this provider answers null). A
 * client removed by an administrator has its tokens answered inactive, as the stored ones are deleted with it.
 */
final class ClientCredentialsIntrospection implements AuthenticationProvider {

  private final JwtDecoder tokens;
  private final RegisteredClientRepository clients;

  ClientCredentialsIntrospection(JwtDecoder tokens, RegisteredClientRepository clients) {
    this.tokens = tokens;
    this.clients = clients;
  }

  @Override
  public @Nullable Authentication authenticate(Authentication authentication) {
    var request = (OAuth2TokenIntrospectionAuthenticationToken) authentication;
    if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()) {
      return null; // the stored-token provider refuses an unauthenticated caller
    }
    Jwt jwt;
    try {
      jwt = tokens.decode(request.getToken());
    } catch (JwtException notOurs) {
      return null;
    }
    // A system's token is its own subject (a person's carries the person's pairwise subject for the client).
    boolean systems = jwt.getSubject() != null && jwt.getAudience() != null && jwt.getAudience().contains(jwt.getSubject());
    if (!"ES256".equals(String.valueOf(jwt.getHeaders().get("alg"))) || !systems) return null;
    // A removed client's tokens end with it, as its stored ones do.
    if (jwt.getSubject() == null || clients.findByClientId(jwt.getSubject()) == null) {
      return new OAuth2TokenIntrospectionAuthenticationToken(request.getToken(), client, OAuth2TokenIntrospection
          .builder().build());
    }
    var claims = OAuth2TokenIntrospection.builder(true).clientId(jwt.getSubject()).subject(jwt.getSubject())
        .tokenType("Bearer");
    List<String> scopes = jwt.getClaimAsStringList("scope");
    if (scopes != null) claims.scopes(s -> s.addAll(scopes));
    if (jwt.getAudience() != null) claims.audiences(a -> a.addAll(jwt.getAudience()));
    if (jwt.getIssuer() != null) claims.issuer(jwt.getIssuer().toString());
    if (jwt.getExpiresAt() != null) claims.expiresAt(jwt.getExpiresAt());
    if (jwt.getIssuedAt() != null) claims.issuedAt(jwt.getIssuedAt());
    if (jwt.getNotBefore() != null) claims.notBefore(jwt.getNotBefore());
    if (jwt.getId() != null) claims.id(jwt.getId());
    return new OAuth2TokenIntrospectionAuthenticationToken(request.getToken(), client, claims.build());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return OAuth2TokenIntrospectionAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
