package org.tongban.identity;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;
import org.tongban.shared.PhoneNumber;
import org.tongban.shared.Refusal;

/**
 * Residents' accounts: registration with real-name factors (name + 公民身份号码 + a phone proven by SMS),
 * password reset by SMS. Where the registry already knows the person, the name must match it.
 */
@Service
public class ResidentAccounts {

  private final JdbcClient jdbc;
  private final ResidentSecrets secrets;
  private final PasswordEncoder passwords;
  private final Residents registry;
  private final AuditTrail audit;
  private final SmsGateway sms;

  ResidentAccounts(JdbcClient jdbc, ResidentSecrets secrets, PasswordEncoder passwords, Residents registry,
                   AuditTrail audit, SmsGateway sms) {
    this.sms = sms;
    this.jdbc = jdbc;
    this.secrets = secrets;
    this.passwords = passwords;
    this.registry = registry;
    this.audit = audit;
  }

  /** Sends a code for {@code purpose} (register, sign-in, reset); at most one a minute per phone. */
  public void sendCode(String phone, String purpose) {
    var number = new PhoneNumber(phone);
    if ((purpose.equals("sign-in") || purpose.equals("reset")) && !secrets.hasAccount(number)) {
      return; // say nothing: whether a phone has an account is not disclosed
    }
    secrets.sendCode(number, purpose);
  }

  /** A new account, and whether the registry knew its person (otherwise it waits for staff to add them). */
  public record Registered(UUID account, boolean linked) {}

  /**
   * Opens an account; {@code registeredBy} is the clerk's username when a window registers a resident on the spot.
   * Refuses a wrong SMS code, a name that does not match the registry, and a phone or ID number that already has an
   * account. An ID number the registry does not know yet opens an unlinked account: the resident can sign in, look
   * around and save drafts, and applies once a window has checked their identity and the account is linked.
   */
  @Transactional
  public Registered register(ResidentRegistration r, @Nullable String registeredBy) {
    String name = r.name() == null ? "" : r.name().strip();
    if (name.isEmpty() || name.length() > 50) throw new InvalidResidentAccount("name");
    var id = new IdNumber(r.idNumber());
    var phone = new PhoneNumber(r.phone());
    checkPassword(r.password());
    // The phone is proven before the registry is asked anything: a stranger without the code learns nothing
    // about whether a name belongs to an ID number, and each guess after it costs a new code.
    if (!secrets.useCode(phone, "register", r.smsCode())) throw new InvalidResidentAccount("sms-code");
    // The phone is the caller's own (just proven): saying it has an account tells them nothing new. Whether an ID
    // number has an account, or which name it is registered under, is never told apart: one answer for both.
    if (secrets.hasAccount(phone)) throw new InvalidResidentAccount("already-registered");
    var known = registry.lookup(id);
    if (known.isPresent() && !known.get().name().equals(name)) throw new InvalidResidentAccount("not-verified");
    UUID account;
    try {
      account = secrets.openAccount(phone, name, id, known.map(p -> p.id().value()).orElse(null),
          passwords.encode(r.password()), registeredBy);
    } catch (DuplicateKeyException e) {
      // The transaction is aborted here: no further query. The phone was free a moment ago, so it is the ID number
      // (or a registration of the same phone racing this one).
      throw new InvalidResidentAccount("not-verified");
    }
    audit.record("resident.registered", "resident-account", account.toString(), null,
        registeredBy == null ? Map.of("phone", phone.masked(), "linked", String.valueOf(known.isPresent()))
            : Map.of("phone", phone.masked(), "atWindow", "true", "linked", String.valueOf(known.isPresent())));
    return new Registered(account, known.isPresent());
  }

  /** Sets a new password after the phone is proven again by SMS; returns the account whose password it was. */
  @Transactional
  public UUID resetPassword(String phone, String smsCode, String newPassword) {
    var number = new PhoneNumber(phone);
    checkPassword(newPassword);
    if (!secrets.useCode(number, "reset", smsCode)) throw new InvalidResidentAccount("sms-code");
    var account = jdbc.sql("update identity.resident_account set password_hash = ?, failed_attempts = 0,"
            + " locked_until = null where phone_index = ? returning id")
        .params(passwords.encode(newPassword), secrets.phoneIndex(number)).query(UUID.class).optional()
        .orElseThrow(() -> new InvalidResidentAccount("sms-code"));
    audit.record("resident.password-reset", "resident-account", account.toString(), null,
        Map.of("phone", number.masked()));
    return account;
  }

  static void checkPassword(@Nullable String password) {
    if (password == null || password.length() < 8 || password.length() > 128
        || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
      throw new InvalidResidentAccount("password");
    }
  }

  public static final class InvalidResidentAccount extends Refusal {
    InvalidResidentAccount(String what) {
      super("identity.resident." + what, what.equals("already-registered") ? 409 : 400);
    }
  }

  /** The registry person of the signed-in resident, if the caller is a resident whose account is linked. */
  public java.util.Optional<org.tongban.person.PersonId> currentPerson() {
    var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof org.tongban.identity.internal.ResidentUser user)) {
      return java.util.Optional.empty();
    }
    return jdbc.sql("select person_id from identity.resident_account where id = ? and person_id is not null")
        .param(user.account()).query(UUID.class).optional().map(org.tongban.person.PersonId::new);
  }

  /** The signed-in resident's own phone (the one their account proved by SMS), to prefill their forms. */
  public java.util.Optional<String> currentPhone() {
    var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof org.tongban.identity.internal.ResidentUser user)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(secrets.release(user.account()).phone());
  }

  /**
   * The registry person whose account has this phone (a 12333 caller's number), unscoped: the caller decides who may
   * see whom, and audits the look-up.
   */
  public java.util.Optional<org.tongban.person.PersonId> personByPhone(org.tongban.shared.PhoneNumber phone) {
    return jdbc.sql("select person_id from identity.resident_account where phone_index = ? and person_id is not null")
        .param(secrets.phoneIndex(phone)).query(UUID.class).optional().map(org.tongban.person.PersonId::new);
  }

  /** The account of a registry person, if they have one (for window staff filing on their behalf). */
  public java.util.Optional<UUID> accountOf(org.tongban.person.PersonId person) {
    return jdbc.sql("select id from identity.resident_account where person_id = ?").param(person.value())
        .query(UUID.class).optional();
  }

  /** Texts a resident at the phone of their account; nothing when they have none. Returns whether it was sent. */
  public boolean text(org.tongban.person.PersonId person, String message) {
    var account = accountOf(person);
    if (account.isEmpty()) return false;
    sms.send(new org.tongban.shared.PhoneNumber(secrets.release(account.get()).phone()), message);
    return true;
  }
}
