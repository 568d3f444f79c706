package org.tongban.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash of one entry: HMAC-SHA256 under the chain key over the previous hash and the entry's fields in a fixed
 * layout. Entries before {@code keyedFrom} (chained before the key existed) keep plain SHA-256.
 */
final class ChainHash {

  private final SecretKeySpec key;

  ChainHash(byte[] key) {
    if (key.length < 32) throw new IllegalArgumentException("the audit chain key must have at least 256 bits");
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  byte[] of(long keyedFrom, byte[] previous, long seq, Instant at, String actor, String action, String targetType,
            String targetId, String region, String ip, String detail) {
    String body = seq + "\u001f" + at.getEpochSecond() + "." + at.getNano() + "\u001f" + actor + "\u001f" + action
        + "\u001f" + nz(targetType) + "\u001f" + nz(targetId) + "\u001f" + nz(region) + "\u001f" + nz(ip)
        + "\u001f" + detail;
    try {
      if (seq < keyedFrom) {
        var digest = MessageDigest.getInstance("SHA-256");
        digest.update(previous);
        return digest.digest(body.getBytes(StandardCharsets.UTF_8));
      }
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(previous);
      return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A MAC over a checkpoint's text, under the same key. */
  byte[] sign(String text) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(("checkpoint\u001f" + text).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Detail as a stable JSON object: keys sorted, strings escaped. */
  static String detailJson(Map<String, String> detail) {
    var sb = new StringBuilder("{");
    new TreeMap<>(detail).forEach((k, v) -> {
      if (sb.length() > 1) sb.append(',');
      sb.append(quote(k)).append(':').append(quote(v));
    });
    return sb.append('}').toString();
  }

  private static String quote(String s) {
    var sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    return sb.append('"').toString();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
