package org.tongban.identity.internal;

import java.time.Duration;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;
import org.tongban.shared.PhoneNumber;

/**
 * Writes every sign-in and failed sign-in to the audit trail with the client address, and locks an account
 * after repeated failures: 5 failures lock it for 15 minutes, each further failure doubles the lock, up to
 * one day (brute-force protection required by 等保 2.0).
 */
@Component
class LoginLog {

  static final int FREE_ATTEMPTS = 5;
  private static final Duration FIRST_LOCK = Duration.ofMinutes(15);
  private static final Duration LONGEST_LOCK = Duration.ofDays(1);

  private final AuditTrail audit;
  private final JdbcClient jdbc;
  private final ResidentSecrets residents;

  LoginLog(AuditTrail audit, JdbcClient jdbc, ResidentSecrets residents) {
    this.audit = audit;
    this.jdbc = jdbc;
    this.residents = residents;
  }

  @EventListener
  @Transactional
  public void on(AuthenticationSuccessEvent event) {
    var authentication = event.getAuthentication();
    if (!(authentication.getDetails() instanceof WebAuthenticationDetails)) return;
    if (authentication instanceof OAuth2ClientAuthenticationToken client) {
      // A system authenticating at the token endpoint is not a person signing in: no account's failures to forget,
      // and the trail says which client, how, from where.
      audit.recordAs(client.getName(), "identity.client-authenticated", ip(client),
          Map.of("method", client.getClientAuthenticationMethod().getValue()));
      return;
    }
    // The token endpoint's grant succeeding (after the client's authentication above) is no sign-in either.
    if (!(authentication instanceof UsernamePasswordAuthenticationToken)) return;
    succeeded(authentication.getName(), ip(authentication), "password");
  }

  /**
   * A factor was accepted: its failures are forgotten and the sign-in is logged. A password resets only the count
   * of wrong passwords; the second factor's own count is reset by the second factor alone.
   */
  @Transactional
  public void succeeded(String user, String ip, String factor) {
    // Only a row with something to forget is written: a sign-in without earlier failures writes no new row version
    // and takes no row lock, so one account signing in on many devices at once does not queue on its own row
    // (16 at once waited 86 ms each for it in the one-login run, #18.4).
    if (user.startsWith(ResidentUser.PREFIX)) {
      jdbc.sql("update identity.resident_account set failed_attempts = 0, locked_until = null where id = ?"
              + " and (failed_attempts <> 0 or locked_until is not null)")
          .param(java.util.UUID.fromString(user.substring(ResidentUser.PREFIX.length()))).update();
    }
    boolean second = factor.equals("totp") || factor.equals("recovery-code");
    jdbc.sql("update identity.account set failed_attempts = 0, locked_until = null"
        + (second ? ", factor_failures = 0" : "") + " where username = ? and (failed_attempts <> 0"
        + " or locked_until is not null" + (second ? " or factor_failures <> 0" : "") + ")").param(user).update();
    audit.recordAs(user, "login.succeeded", ip, Map.of("factor", factor));
  }

  /**
   * Counts a wrong second-factor code in a transaction of its own (a refusal rolling back the caller's work
   * cannot undo it), locks the account as for passwords once there were too many, and logs it. Returns whether
   * the account is locked now.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean failedSecondFactor(String user, String ip, String reason) {
    Integer failures = jdbc.sql("update identity.account set factor_failures = factor_failures + 1 where username = ?"
        + " returning factor_failures").param(user).query(Integer.class).optional().orElse(null);
    boolean locked = failures != null && failures >= FREE_ATTEMPTS;
    if (locked) lock("identity.account", "username", user, failures);
    audit.recordAs(user, "login.failed", ip, Map.of("reason", reason, "step", "second-factor"));
    return locked || jdbc.sql("select coalesce(locked_until > now(), false) from identity.account where username = ?")
        .param(user).query(Boolean.class).optional().orElse(false);
  }

  @EventListener
  @Transactional
  public void on(AbstractAuthenticationFailureEvent event) {
    String user = event.getAuthentication().getName();
    failed(user, ip(event.getAuthentication()), event.getException().getClass().getSimpleName());
  }

  /**
   * Counts a failed sign-in (password, or a resident's SMS code) in a transaction of its own, locks the account
   * when there were too many, and logs it.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void failed(String user, String ip, String reason) {
    // Residents type their phone; it is looked up by its blind index and logged masked.
    boolean resident = ResidentUser.isPhone(user);
    String table = resident ? "identity.resident_account" : "identity.account";
    String key = resident ? "phone_index" : "username";
    Object value = resident ? residents.phoneIndex(new PhoneNumber(user)) : user;
    Integer failures = jdbc.sql("update " + table + " set failed_attempts = failed_attempts + 1 where " + key + " = ?"
            + " returning failed_attempts").param(value).query(Integer.class).optional().orElse(null);
    if (failures != null && failures >= FREE_ATTEMPTS) lock(table, key, value, failures);
    String actor = resident ? new PhoneNumber(user).masked() : user.length() > 60 ? user.substring(0, 60) : user;
    audit.recordAs(actor, "login.failed", ip, Map.of("reason", reason, "known", String.valueOf(failures != null)));
  }

  /** Locks for 15 minutes at the fifth failure, doubling with each further one, at most a day. */
  private void lock(String table, String key, Object value, int failures) {
    long factor = 1L << Math.min(failures - FREE_ATTEMPTS, 10);
    Duration lock = FIRST_LOCK.multipliedBy(factor);
    if (lock.compareTo(LONGEST_LOCK) > 0) lock = LONGEST_LOCK;
    jdbc.sql("update " + table + " set locked_until = now() + ? * interval '1 second' where " + key + " = ?")
        .params(lock.toSeconds(), value).update();
  }

  private static String ip(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
  }
}
