package org.tongban.person.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tongban.shared.KeyFile;
import java.util.List;

/**
 * AES-256-GCM for personal fields and HMAC-SHA256 for the blind index. Ciphertext layout: version byte (1),
 * 12-byte random nonce, ciphertext with 16-byte tag. The field name is bound as associated data, so a phone
 * ciphertext cannot be passed off as an ID number.
 */
@Component
public class PersonCrypto {

  private static final Logger log = LoggerFactory.getLogger(PersonCrypto.class);
  private static final byte VERSION = 1;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec encryptionKey;
  private final SecretKeySpec indexKey;
  private final ThreadLocal<Mac> macs;

  PersonCrypto(PersonSettings settings) {
    String enc = settings.encryptionKey();
    String idx = settings.indexKey();
    if (enc == null || idx == null) {
      var keys = loadOrCreate(settings);
      enc = keys.getProperty("encryption-key");
      idx = keys.getProperty("index-key");
    }
    this.encryptionKey = new SecretKeySpec(decode(enc, "encryption"), "AES");
    this.indexKey = new SecretKeySpec(decode(idx, "index"), "HmacSHA256");
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

  public byte[] encrypt(String field, String plain) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
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

  public String decrypt(String field, byte[] data) {
    try {
      if (data[0] != VERSION) throw new IllegalStateException("Unknown ciphertext version " + data[0]);
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, data, 1, 12));
      cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
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
    if (key.length != 32) throw new IllegalStateException("The person " + which + " key must be 32 bytes (Base64)");
    return key;
  }

  private static Properties loadOrCreate(PersonSettings settings) {
    boolean existed = java.nio.file.Files.exists(settings.keyFile());
    var keys = KeyFile.loadOrCreate(settings.keyFile(), List.of("encryption-key", "index-key"),
        "Tongban person keys: losing this file makes stored ID numbers unreadable. Back it up.");
    if (!existed) {
      log.warn("Created person encryption keys in {} (no keys configured). Back this file up; in production "
          + "set TONGBAN_PERSON_ENCRYPTION_KEY and TONGBAN_PERSON_INDEX_KEY instead.", settings.keyFile().toAbsolutePath());
    }
    return keys;
  }
}
