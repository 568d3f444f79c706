package org.tongban.identity.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps, 6 digits, as every
 * authenticator app implements them. A code is accepted for the current step and one step either side
 * (clock drift), and only for a step later than the last one accepted (no replay).
 */
public final class Totp {

  static final int DIGITS = 6;
  static final long STEP_SECONDS = 30;
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** 160 random bits, the size RFC 4226 recommends. */
  static byte[] newSecret() {
    byte[] secret = new byte[20];
    RANDOM.nextBytes(secret);
    return secret;
  }

  public static long step(Instant at) {
    return at.getEpochSecond() / STEP_SECONDS;
  }

  /** The code for a time step. */
  public static String code(byte[] secret, long step) {
    try {
      var mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
          | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
      return String.format("%06d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The step a code matches (now ± 1 step, later than {@code lastStep}), or -1. */
  static long match(byte[] secret, String code, Instant now, long lastStep) {
    if (code == null || !code.matches("\\d{6}")) return -1;
    long current = step(now);
    for (long s = current - 1; s <= current + 1; s++) {
      if (s > lastStep && java.security.MessageDigest.isEqual(code(secret, s).getBytes(), code.getBytes())) return s;
    }
    return -1;
  }

  public static String base32(byte[] bytes) {
    var sb = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    return sb.toString();
  }

  public static byte[] fromBase32(String text) {
    var clean = text.replace(" ", "").replace("=", "").toUpperCase();
    var out = ByteBuffer.allocate(clean.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : clean.toCharArray()) {
      int v = BASE32.indexOf(c);
      if (v < 0) throw new IllegalArgumentException("not base32");
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return java.util.Arrays.copyOf(out.array(), out.position());
  }
}
