package org.tongban.identity.internal;

import java.util.Collection;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.tongban.access.Scope;
import org.tongban.access.ScopedPrincipal;

/** The signed-in staff member: Spring Security's user plus jurisdiction scopes and office. */
public class StaffUser extends User implements ScopedPrincipal {

  private final Set<Scope> scopes;
  private final @Nullable String officeId;
  private final String displayName;

  public StaffUser(String username, String password, boolean accountNonLocked,
                   Collection<? extends GrantedAuthority> authorities, Set<Scope> scopes, @Nullable String officeId,
                   String displayName) {
    super(username, password, true, true, true, accountNonLocked, authorities);
    this.scopes = Set.copyOf(scopes);
    this.officeId = officeId;
    this.displayName = displayName;
  }

  @Override
  public Set<Scope> scopes() {
    return scopes;
  }

  @Override
  public @Nullable String officeId() {
    return officeId;
  }

  public String displayName() {
    return displayName;
  }
}
