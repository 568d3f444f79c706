package org.tongban.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for personal fields at rest and HMAC-SHA256 for a blind index of them. Ciphertext layout: version byte
 * (1), 12-byte random nonce, ciphertext with 16-byte tag. The caller's context (a field name, a record's identity) is
 * bound as associated data, so one ciphertext cannot be passed off as another.
 */
public final class FieldCipher {

  private static final byte VERSION = 1;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec encryptionKey;
  private final ThreadLocal<Mac> macs;

  /** {@code what} names the keys' owner in errors ("person", "health"). Both keys: 32 bytes, Base64. */
  public FieldCipher(String what, String encryptionKeyBase64, String indexKeyBase64) {
    this.encryptionKey = new SecretKeySpec(decode(encryptionKeyBase64, what + " encryption"), "AES");
    var indexKey = new SecretKeySpec(decode(indexKeyBase64, what + " index"), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(() -> {
      try {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(indexKey);
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  public byte[] encrypt(String context, String plain) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] ct = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[1 + 12 + ct.length];
      out[0] = VERSION;
      System.arraycopy(nonce, 0, out, 1, 12);
      System.arraycopy(ct, 0, out, 13, ct.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  public String decrypt(String context, byte[] data) {
    try {
      if (data[0] != VERSION) throw new IllegalStateException("Unknown ciphertext version " + data[0]);
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, data, 1, 12));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(data, 13, data.length - 13), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Decryption failed (wrong key or altered data)", e);
    }
  }

  /** Blind index of a normalised value: equal inputs give equal outputs; nothing can be read back. */
  public byte[] index(String normalised) {
    return macs.get().doFinal(normalised.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] decode(String base64, String which) {
    byte[] key = Base64.getDecoder().decode(base64.strip());
    if (key.length != 32) throw new IllegalStateException("The " + which + " key must be 32 bytes (Base64)");
    return key;
  }
}
