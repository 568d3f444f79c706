package org.tongban.identity.internal;

import java.time.Instant;
import java.util.ArrayList;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.identity.StaffAccounts;

/**
 * Loads staff for form login; a locked account (too many failures) cannot sign in until the lock expires.
 * Spring Security calls {@link #updatePassword} after a successful sign-in whose stored hash was made with
 * weaker parameters than the current encoder's, so hashes are upgraded without anyone resetting a password.
 */
@Component
class StaffUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

  private final JdbcClient jdbc;
  private final StaffAccounts accounts;

  StaffUserDetailsService(JdbcClient jdbc, StaffAccounts accounts) {
    this.jdbc = jdbc;
    this.accounts = accounts;
  }

  @Override
  public UserDetails updatePassword(UserDetails user, String newEncodedPassword) {
    jdbc.sql("update identity.account set password_hash = ? where username = ?")
        .params(newEncodedPassword, user.getUsername()).update();
    return loadUserByUsername(user.getUsername());
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    var account = accounts.find(username).filter(a -> a.enabled())
        .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    var row = jdbc.sql("select password_hash, locked_until from identity.account where id = ?").param(account.id())
        .query((rs, i) -> new Object[] {rs.getString(1), rs.getTimestamp(2)}).single();
    var lockedUntil = (java.sql.Timestamp) row[1];
    boolean notLocked = lockedUntil == null || lockedUntil.toInstant().isBefore(Instant.now());
    var authorities = new ArrayList<SimpleGrantedAuthority>();
    account.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
    account.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
    if (!account.roles().isEmpty()) authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
    return new StaffUser(account.username(), (String) row[0], notLocked, authorities, account.scopes(),
        account.officeId() == null ? null : account.officeId().toString(), account.displayName());
  }
}
