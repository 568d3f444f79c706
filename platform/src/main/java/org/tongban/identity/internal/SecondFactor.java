package org.tongban.identity.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;
import org.tongban.shared.ReadableCode;

/**
 * The staff second factor: TOTP enrolment by QR code with ten one-time recovery codes, and verification.
 * Secrets are sealed at rest; a code is accepted once; failures count towards the same lock as passwords.
 */
@Service
public class SecondFactor {

  static final String AUTHORITY = "FACTOR_TOTP";

  private final JdbcClient jdbc;
  private final IdentityKeys keys;
  private final LoginLog log;
  private final AuditTrail audit;

  SecondFactor(JdbcClient jdbc, IdentityKeys keys, LoginLog log, AuditTrail audit) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.log = log;
    this.audit = audit;
  }

  /** Whether the account is locked after too many failures (password or second factor). */
  public boolean locked(String username) {
    return jdbc.sql("select coalesce(locked_until > now(), false) from identity.account where username = ?")
        .param(username).query(Boolean.class).optional().orElse(false);
  }

  public boolean enrolled(String username) {
    return jdbc.sql("select totp_enrolled_at is not null from identity.account where username = ?").param(username)
        .query(Boolean.class).optional().orElse(false);
  }

  /**
   * Stores {@code secret} once the person proves their app has it ({@code code}), and returns ten recovery
   * codes to show once; null when the code is wrong.
   */
  @Transactional
  public List<String> enrol(String username, byte[] secret, String code, String ip) {
    long step = Totp.match(secret, code, Instant.now(), 0);
    if (step < 0) {
      log.failedSecondFactor(username, ip, "TotpEnrolmentCodeWrong");
      return null;
    }
    UUID account = jdbc.sql("select id from identity.account where username = ?").param(username).query(UUID.class).single();
    jdbc.sql("update identity.account set totp_secret_cipher = ?, totp_enrolled_at = now(), totp_last_step = ? where id = ?")
        .params(keys.seal("identity.totp", secret), step, account).update();
    jdbc.sql("delete from identity.recovery_code where account_id = ?").param(account).update();
    var codes = new ArrayList<String>();
    for (int i = 0; i < 10; i++) {
      String raw = ReadableCode.random(10);
      String c = raw.substring(0, 5) + "-" + raw.substring(5);
      codes.add(c);
      jdbc.sql("insert into identity.recovery_code (account_id, code_hash) values (?, ?)").params(account, hash(c)).update();
    }
    audit.recordAs(username, "staff.second-factor-enrolled", ip, Map.of());
    log.succeeded(username, ip, "totp");
    return codes;
  }

  /** What became of a second-factor code. */
  enum Outcome { ACCEPTED, WRONG, LOCKED }

  /**
   * A six-digit code from the app, or an unused recovery code. A locked account is refused before the code is
   * looked at; a wrong code counts towards the lock in its own transaction (LoginLog), so nothing undoes it.
   */
  public Outcome verify(String username, String code, String ip) {
    var row = jdbc.sql("select id, totp_secret_cipher, totp_last_step, coalesce(locked_until > now(), false)"
            + " from identity.account where username = ? and totp_enrolled_at is not null")
        .param(username).query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getBytes(2), rs.getLong(3),
            rs.getBoolean(4)})
        .optional();
    if (row.isEmpty()) return Outcome.WRONG;
    if ((boolean) row.get()[3]) {
      log.failedSecondFactor(username, ip, "AccountLocked");
      return Outcome.LOCKED;
    }
    UUID account = (UUID) row.get()[0];
    String typed = code == null ? "" : code.strip().toUpperCase();
    boolean ok = false;
    String factor;
    if (typed.matches("\\d{6}")) {
      factor = "totp";
      long step = Totp.match(keys.open("identity.totp", (byte[]) row.get()[1]), typed, Instant.now(), (long) row.get()[2]);
      // The step is written only if it is newer than the last one used: a code works once, even in a race.
      ok = step >= 0 && jdbc.sql("update identity.account set totp_last_step = ? where id = ? and totp_last_step < ?")
          .params(step, account, step).update() == 1;
    } else {
      factor = "recovery-code";
      if (typed.length() <= 20) {
        ok = jdbc.sql("update identity.recovery_code set used_at = now() where account_id = ? and code_hash = ?"
            + " and used_at is null").params(account, hash(typed)).update() == 1;
      }
    }
    if (ok) {
      log.succeeded(username, ip, factor);
      return Outcome.ACCEPTED;
    }
    return log.failedSecondFactor(username, ip, "SecondFactorWrong") ? Outcome.LOCKED : Outcome.WRONG;
  }

  public int unusedRecoveryCodes(String username) {
    return jdbc.sql("select count(*) from identity.recovery_code r join identity.account a on a.id = r.account_id"
        + " where a.username = ? and r.used_at is null").param(username).query(Integer.class).single();
  }

  /** The otpauth URI authenticator apps read from the QR code. */
  static String otpauthUri(String username, byte[] secret) {
    String label = URLEncoder.encode("通办 Tongban:" + username, StandardCharsets.UTF_8).replace("+", "%20");
    return "otpauth://totp/" + label + "?secret=" + Totp.base32(secret) + "&issuer="
        + URLEncoder.encode("通办 Tongban", StandardCharsets.UTF_8).replace("+", "%20") + "&digits=6&period=30";
  }

  /** A PNG data URI of the QR code for {@code text}. */
  static String qrDataUri(String text) {
    try {
      var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240,
          Map.of(com.google.zxing.EncodeHintType.CHARACTER_SET, "UTF-8"));
      var image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
      for (int x = 0; x < matrix.getWidth(); x++) {
        for (int y = 0; y < matrix.getHeight(); y++) image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
      }
      var png = new ByteArrayOutputStream();
      ImageIO.write(image, "png", png);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    } catch (WriterException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hash(String recoveryCode) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(recoveryCode.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
