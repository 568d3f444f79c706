package org.tongban.identity.internal;

import java.security.Principal;
import java.util.ArrayList;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Issued codes and tokens in PostgreSQL. Before an authorization is stored, the signed-in person is
 * reduced to a plain user with their principal name and authorities (with factor times, for
 * {@code auth_time}): our principal types stay out of the stored JSON, and nothing about a person but
 * their name goes into it.
 */
class PortableAuthorizations implements OAuth2AuthorizationService {

  private final JdbcOAuth2AuthorizationService store;

  PortableAuthorizations(JdbcOperations jdbc, RegisteredClientRepository clients) {
    this.store = new JdbcOAuth2AuthorizationService(jdbc, clients);
  }

  @Override
  public void save(OAuth2Authorization authorization) {
    Object principal = authorization.getAttribute(Principal.class.getName());
    if (principal instanceof Authentication auth && auth.getPrincipal().getClass() != User.class) {
      var authorities = new ArrayList<GrantedAuthority>();
      for (GrantedAuthority a : auth.getAuthorities()) {
        authorities.add(a instanceof FactorGrantedAuthority f
            ? FactorGrantedAuthority.withAuthority(f.getAuthority()).issuedAt(f.getIssuedAt()).build()
            : new SimpleGrantedAuthority(a.getAuthority()));
      }
      // A plain User equals our principal types by username, so the session registry still finds the
      // person's session (OIDC logout and the ID token's sid need it).
      var portable = UsernamePasswordAuthenticationToken.authenticated(new User(auth.getName(), "", authorities),
          null, authorities);
      authorization = OAuth2Authorization.from(authorization)
          .attribute(Principal.class.getName(), portable).build();
    }
    store.save(authorization);
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    store.remove(authorization);
  }

  @Override
  public OAuth2Authorization findById(String id) {
    return store.findById(id);
  }

  @Override
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    return store.findByToken(token, tokenType);
  }
}
