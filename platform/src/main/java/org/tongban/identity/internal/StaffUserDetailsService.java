package org.tongban.identity.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tongban.shared.PhoneNumber;
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
  private final ResidentSecrets residents;

  StaffUserDetailsService(JdbcClient jdbc, StaffAccounts accounts, ResidentSecrets residents) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.residents = residents;
  }

  @Override
  public UserDetails updatePassword(UserDetails user, String newEncodedPassword) {
    if (user instanceof ResidentUser) {
      jdbc.sql("update identity.resident_account set password_hash = ? where id = ?")
          .params(newEncodedPassword, UUID.fromString(user.getUsername().substring(ResidentUser.PREFIX.length())))
          .update();
      return user;
    }
    jdbc.sql("update identity.account set password_hash = ? where username = ?")
        .params(newEncodedPassword, user.getUsername()).update();
    return loadUserByUsername(user.getUsername());
  }

  /** Residents sign in with their phone number, staff with their username. */
  @Override
  public UserDetails loadUserByUsername(String username) {
    if (ResidentUser.isPhone(username)) return resident(new PhoneNumber(username));
    return staff(username);
  }

  /** A resident by phone; also used by SMS sign-in. */
  ResidentUser resident(PhoneNumber phone) {
    return jdbc.sql("select id, password_hash, locked_until, name from identity.resident_account where phone_index = ?")
        .param(residents.phoneIndex(phone))
        .query((rs, i) -> {
          var lockedUntil = rs.getTimestamp(3);
          return new ResidentUser(rs.getObject(1, UUID.class), rs.getString(2),
              lockedUntil == null || lockedUntil.toInstant().isBefore(Instant.now()),
              List.of(new SimpleGrantedAuthority("ROLE_RESIDENT")), rs.getString(4));
        })
        .optional().orElseThrow(() -> new UsernameNotFoundException("unknown"));
  }

  boolean useSignInCode(PhoneNumber phone, String code) {
    return residents.useCode(phone, "sign-in", code);
  }

  private UserDetails staff(String username) {
    var account = accounts.find(username).filter(a -> a.enabled())
        .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    var row = jdbc.sql("select password_hash, locked_until, password_change_required from identity.account where id = ?")
        .param(account.id())
        .query((rs, i) -> new Object[] {rs.getString(1), rs.getTimestamp(2), rs.getBoolean(3)}).single();
    var lockedUntil = (java.sql.Timestamp) row[1];
    boolean notLocked = lockedUntil == null || lockedUntil.toInstant().isBefore(Instant.now());
    var authorities = new ArrayList<SimpleGrantedAuthority>();
    account.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
    account.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
    if (!account.roles().isEmpty()) authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
    if ((boolean) row[2]) authorities.add(new SimpleGrantedAuthority(PasswordChangeGate.AUTHORITY));
    return new StaffUser(account.username(), (String) row[0], notLocked, authorities, account.scopes(),
        account.officeId() == null ? null : account.officeId().toString(), account.displayName());
  }
}
