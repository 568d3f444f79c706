package org.tongban.identity.internal;

import java.util.Collection;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in resident. The principal name is {@code resident-<account id>}: stable, and neither the phone
 * nor the ID number, so it can be logged and turned into pairwise subjects.
 */
public class ResidentUser extends User {

  static final String PREFIX = "resident-";
  private final String displayName;

  ResidentUser(UUID account, String passwordHash, boolean notLocked, Collection<? extends GrantedAuthority> authorities,
               String displayName) {
    super(PREFIX + account, passwordHash, true, true, true, notLocked, authorities);
    this.displayName = displayName;
  }

  /** The resident account's id. */
  public UUID account() {
    return UUID.fromString(getUsername().substring(PREFIX.length()));
  }

  public String displayName() {
    return displayName;
  }

  static boolean isPhone(String typed) {
    return typed != null && typed.strip().matches("(\\+86)?1\\d{10}");
  }
}
