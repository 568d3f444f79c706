package org.tongban.identity.internal;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A resident signed in through an upstream provider: our resident, carrying the upstream's tokens. */
class FederatedResidentUser extends ResidentUser implements OidcUser {

  private final OidcIdToken idToken;
  private final OidcUserInfo userInfo;

  FederatedResidentUser(UUID account, String displayName, Collection<? extends GrantedAuthority> authorities,
                        OidcIdToken idToken, OidcUserInfo userInfo) {
    super(account, "{noop}unusable-federated", true, authorities, displayName);
    this.idToken = idToken;
    this.userInfo = userInfo;
  }

  @Override
  public Map<String, Object> getClaims() {
    return idToken.getClaims();
  }

  @Override
  public OidcUserInfo getUserInfo() {
    return userInfo;
  }

  @Override
  public OidcIdToken getIdToken() {
    return idToken;
  }

  @Override
  public Map<String, Object> getAttributes() {
    return idToken.getClaims();
  }

  @Override
  public String getName() {
    return getUsername();
  }
}
