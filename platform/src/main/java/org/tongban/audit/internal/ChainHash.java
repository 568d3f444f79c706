package org.tongban.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The hash of one entry: SHA-256 over the previous hash and the entry's fields in a fixed layout. */
final class ChainHash {

  private ChainHash() {}

  static byte[] of(byte[] previous, long seq, Instant at, String actor, String action, String targetType,
                   String targetId, String region, String ip, String detail) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(previous);
      String body = seq + "\u001f" + at.getEpochSecond() + "." + at.getNano() + "\u001f" + actor + "\u001f" + action
          + "\u001f" + nz(targetType) + "\u001f" + nz(targetId) + "\u001f" + nz(region) + "\u001f" + nz(ip)
          + "\u001f" + detail;
      return digest.digest(body.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
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
