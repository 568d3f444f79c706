package org.tongban.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.SmsGateway;
import org.tongban.shared.PhoneNumber;
import org.tongban.shared.Refusal;

/**
 * Six-digit codes sent by SMS to prove a phone: valid five minutes, five tries, used once, at most one new
 * code a minute per phone and purpose.
 */
@Component
class SmsCodes {

  private static final SecureRandom RANDOM = new SecureRandom();
  private final JdbcClient jdbc;
  private final IdentityKeys keys;
  private final SmsGateway sms;

  SmsCodes(JdbcClient jdbc, IdentityKeys keys, SmsGateway sms) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.sms = sms;
  }

  @Transactional
  void send(PhoneNumber phone, String purpose) {
    byte[] index = keys.index("phone", phone.value());
    boolean recent = jdbc.sql("select exists(select 1 from identity.sms_code where phone_index = ? and purpose = ?"
        + " and created_at > now() - interval '60 seconds')").params(index, purpose).query(Boolean.class).single();
    if (recent) throw new TooSoon();
    String code = String.format("%06d", RANDOM.nextInt(1_000_000));
    jdbc.sql("insert into identity.sms_code (phone_index, purpose, code_hash, expires_at)"
        + " values (?, ?, ?, now() + interval '5 minutes')").params(index, purpose, hash(code)).update();
    sms.send(phone, "【通办】验证码 " + code + "，5 分钟内有效。工作人员不会向您索要验证码，请勿告诉他人。");
  }

  /**
   * True once for the latest unexpired code of this phone and purpose. Runs in a transaction of its own: the
   * caller's refusal after a wrong code rolls its own work back, never the count of tries (it used to, so the five
   * tries never added up).
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  boolean use(PhoneNumber phone, String purpose, String code) {
    byte[] index = keys.index("phone", phone.value());
    var latest = jdbc.sql("select id, code_hash, attempts from identity.sms_code where phone_index = ? and purpose = ?"
            + " and used_at is null and expires_at > now() order by created_at desc limit 1 for update")
        .params(index, purpose).query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getInt(3)})
        .optional();
    if (latest.isEmpty() || (int) latest.get()[2] >= 5) return false;
    long id = (long) latest.get()[0];
    if (code != null && MessageDigest.isEqual(hash(code.strip()).getBytes(), ((String) latest.get()[1]).getBytes())) {
      jdbc.sql("update identity.sms_code set used_at = now() where id = ?").param(id).update();
      return true;
    }
    jdbc.sql("update identity.sms_code set attempts = attempts + 1 where id = ?").param(id).update();
    return false;
  }

  private static String hash(String code) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static final class TooSoon extends Refusal {
    TooSoon() {
      super("identity.sms-too-soon", 429);
    }
  }
}
