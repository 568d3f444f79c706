package org.tongban.identity.internal;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.tongban.person.PersonId;
import org.tongban.shared.IdNumber;
import org.tongban.shared.PhoneNumber;

/** Residents with an account linked to their registry record, signed in as {@link ResidentUser}s. */
public final class ResidentFixtures {

  private ResidentFixtures() {}

  /** An account that signs in with {@code phone} and {@code password} on the sign-in page. */
  public static void accountWithPassword(ResidentSecrets secrets, org.springframework.security.crypto.password.PasswordEncoder encoder,
                                         PersonId person, String name, IdNumber id, String phone, String password) {
    secrets.openAccount(new PhoneNumber(phone), name, id, person.value(), encoder.encode(password), null);
  }

  public static UserDetails accountFor(ResidentSecrets secrets, PersonId person, String name, IdNumber id) {
    return accountFor(secrets, person, name, id, "13" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)));
  }

  /** A signed-in resident whose account proved {@code phone}. */
  public static UserDetails accountFor(ResidentSecrets secrets, PersonId person, String name, IdNumber id, String number) {
    var phone = new PhoneNumber(number);
    var account = secrets.openAccount(phone, name, id, person.value(), "{noop}unused", null);
    return new ResidentUser(account, "{noop}unused", true, List.of(new SimpleGrantedAuthority("ROLE_RESIDENT")), name);
  }

  /** The six-digit code in the last text to {@code phone}, from the SMS outbox the tests send through. */
  public static String lastSmsCode(org.springframework.jdbc.core.simple.JdbcClient jdbc, String phone) {
    String text = jdbc.sql("select text from identity.sms_outbox where phone_masked = ? order by id desc limit 1")
        .param(phone.substring(0, 3) + "****" + phone.substring(7)).query(String.class).single();
    var m = java.util.regex.Pattern.compile("(\\d{6})").matcher(text);
    if (!m.find()) throw new AssertionError("no code in the last text to " + phone + ": " + text);
    return m.group(1);
  }
}
