package org.tongban.identity;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.audit.AuditTrail;
import org.tongban.organisation.OfficeNotFound;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;

/** The identity module's front door for staff accounts. */
@Service
@Transactional(readOnly = true)
public class StaffAccounts {

  private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final OrganisationDirectory organisation;
  private final AuditTrail audit;

  StaffAccounts(JdbcClient jdbc, PasswordEncoder passwords, OrganisationDirectory organisation, AuditTrail audit) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.organisation = organisation;
    this.audit = audit;
  }

  /**
   * Creates an account. The password must be at least 12 characters with letters and digits; it is stored
   * as an Argon2id hash only.
   */
  @Transactional
  public StaffAccount create(NewStaff staff, String password) {
    if (!staff.username().matches("[a-z0-9][a-z0-9._-]{2,39}")) throw new InvalidAccount("username");
    if (staff.displayName().isBlank() || staff.displayName().length() > 60) throw new InvalidAccount("display-name");
    checkPasswordPolicy(password);
    if (staff.office() != null && organisation.find(staff.office()).isEmpty()) {
      throw new OfficeNotFound(staff.office().toString());
    }
    var id = UUID.randomUUID();
    try {
      jdbc.sql("insert into identity.account (id, username, display_name, password_hash, office_id) values (?, ?, ?, ?, ?)")
          .params(id, staff.username(), staff.displayName().strip(), passwords.encode(password),
              staff.office() == null ? null : staff.office().value())
          .update();
    } catch (DuplicateKeyException e) {
      throw new DuplicateUsername(staff.username());
    }
    for (Role role : staff.roles()) {
      jdbc.sql("insert into identity.account_role values (?, ?)").params(id, role.name()).update();
    }
    for (Scope scope : staff.scopes()) {
      jdbc.sql("insert into identity.account_scope values (?, ?, ?, ?) on conflict do nothing")
          .params(id, scope.region() == null ? null : scope.region().value(), scope.department(), scope.purpose().name())
          .update();
    }
    for (Permission p : staff.permissions()) {
      jdbc.sql("insert into identity.account_permission values (?, ?)").params(id, p.authority()).update();
    }
    audit.record("staff.created", "account", id.toString(), null,
        Map.of("username", staff.username(), "roles", staff.roles().toString()));
    return find(staff.username()).orElseThrow();
  }

  /**
   * Creates an account with a random 20-character password and returns that password once. Whoever sees it is not
   * its owner, so the owner must choose a new one at the first sign-in ({@link #changePassword}).
   */
  @Transactional
  public String createWithGeneratedPassword(NewStaff staff) {
    String password = generatePassword();
    var account = create(staff, password);
    jdbc.sql("update identity.account set password_change_required = true where id = ?").param(account.id()).update();
    return password;
  }

  /** Whether the account still signs in with a password someone else has seen. */
  public boolean passwordChangeRequired(String username) {
    return jdbc.sql("select password_change_required from identity.account where username = ?").param(username)
        .query(Boolean.class).optional().orElse(false);
  }

  /**
   * The owner replaces their password: the current one must match, the new one must follow the policy and differ
   * from it. Clears the "must change" mark; audited.
   */
  @Transactional
  public void changePassword(String username, String current, String replacement) {
    var hash = jdbc.sql("select password_hash from identity.account where username = ? for update").param(username)
        .query(String.class).optional().orElseThrow(() -> new InvalidAccount("password"));
    if (!passwords.matches(current, hash)) throw new WrongPassword();
    if (replacement.equals(current)) throw new InvalidAccount("password-unchanged");
    checkPasswordPolicy(replacement);
    int changed = jdbc.sql("update identity.account set password_hash = ?, password_change_required = false"
        + " where username = ?").params(passwords.encode(replacement), username).update();
    if (changed != 1) throw new InvalidAccount("password");
    audit.record("staff.password-changed", "account", username, null, Map.of());
  }

  public Optional<StaffAccount> find(String username) {
    return jdbc.sql("select id, username, display_name, office_id, enabled from identity.account where username = ?")
        .param(username)
        .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
            rs.getObject(4, UUID.class), rs.getBoolean(5)})
        .optional()
        .map(r -> {
          UUID id = (UUID) r[0];
          return new StaffAccount(id, (String) r[1], (String) r[2], (UUID) r[3], roles(id), scopes(id),
              permissions(id), (boolean) r[4]);
        });
  }

  /** Accounts by username, one page (administrators' list). */
  public org.tongban.shared.ResultPage<StaffAccount> list(int page, int size) {
    int p = org.tongban.shared.ResultPage.page(page);
    int n = org.tongban.shared.ResultPage.size(size);
    long total = jdbc.sql("select count(*) from identity.account").query(Long.class).single();
    var names = jdbc.sql("select username from identity.account order by username offset ? limit ?").params(p * n, n)
        .query(String.class).list();
    return new org.tongban.shared.ResultPage<>(names.stream().map(u -> find(u).orElseThrow()).toList(), p, n, total);
  }

  public boolean anyAdministrator() {
    return jdbc.sql("select exists(select 1 from identity.account_role where role = 'ADMIN')")
        .query(Boolean.class).single();
  }

  Set<Role> roles(UUID id) {
    var roles = EnumSet.noneOf(Role.class);
    jdbc.sql("select role from identity.account_role where account_id = ?").param(id).query(String.class).list()
        .forEach(r -> roles.add(Role.valueOf(r)));
    return roles;
  }

  Set<Scope> scopes(UUID id) {
    return new HashSet<>(jdbc.sql("select region_code, department, purpose from identity.account_scope where account_id = ?")
        .param(id)
        .query((rs, i) -> new Scope(rs.getString(1) == null ? null : new RegionCode(rs.getString(1)),
            rs.getString(2), Purpose.valueOf(rs.getString(3))))
        .list());
  }

  Set<Permission> permissions(UUID id) {
    List<String> granted = jdbc.sql("select permission from identity.account_permission where account_id = ?")
        .param(id).query(String.class).list();
    var set = EnumSet.noneOf(Permission.class);
    for (Permission p : Permission.values()) if (granted.contains(p.authority())) set.add(p);
    return set;
  }

  static String generatePassword() {
    var sb = new StringBuilder();
    for (int i = 0; i < 20; i++) sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
    // The alphabet guarantees letters; make sure a digit is there too.
    sb.setCharAt(RANDOM.nextInt(20), (char) ('2' + RANDOM.nextInt(8)));
    return sb.toString();
  }

  static void checkPasswordPolicy(String password) {
    if (password.length() < 12 || password.length() > 128
        || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
      throw new InvalidAccount("password");
    }
  }

  public static final class WrongPassword extends Refusal {
    WrongPassword() {
      super("identity.wrong-password", 400);
    }
  }

  public static final class InvalidAccount extends Refusal {
    InvalidAccount(String field) {
      super("identity.invalid-account." + field, 400);
    }
  }

  public static final class DuplicateUsername extends Refusal {
    DuplicateUsername(String username) {
      super("identity.duplicate-username", 409, username);
    }
  }
}
