package org.tongban.identity.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * The identity module's own secrets: a key-encryption key for signing keys at rest (AES-256-GCM) and a key
 * for pairwise subject identifiers (HMAC-SHA256). From the environment in production
 * ({@code TONGBAN_IDENTITY_KEY_ENCRYPTION_KEY}, {@code TONGBAN_IDENTITY_PAIRWISE_KEY}); otherwise a key
 * file created on first start, readable by the owner only.
 */
@Component
class IdentityKeys {

  private static final Logger log = LoggerFactory.getLogger(IdentityKeys.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec keyEncryption;
  private final SecretKeySpec pairwise;

  IdentityKeys(IdentitySettings settings) {
    String kek = settings.keyEncryptionKey();
    String pw = settings.pairwiseKey();
    if (kek == null || pw == null) {
      var file = loadOrCreate(settings.keyFile());
      kek = file.getProperty("key-encryption-key");
      pw = file.getProperty("pairwise-key");
    }
    keyEncryption = new SecretKeySpec(Base64.getDecoder().decode(kek.strip()), "AES");
    pairwise = new SecretKeySpec(Base64.getDecoder().decode(pw.strip()), "HmacSHA256");
  }

  /** AES-GCM with {@code purpose} bound as associated data, so a sealed value cannot be used for another. */
  byte[] seal(String purpose, byte[] plain) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keyEncryption, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      byte[] ct = cipher.doFinal(plain);
      byte[] out = new byte[12 + ct.length];
      System.arraycopy(nonce, 0, out, 0, 12);
      System.arraycopy(ct, 0, out, 12, ct.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  byte[] open(String purpose, byte[] sealed) {
    try {
      var cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, keyEncryption, new GCMParameterSpec(128, sealed, 0, 12));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(sealed, 12, sealed.length - 12);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot open a sealed " + purpose + ": wrong key-encryption key?", e);
    }
  }

  /** A keyed blind index of a personal value, for exact lookup and uniqueness without storing it. */
  byte[] index(String purpose, String value) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(pairwise);
      return mac.doFinal(("index\u001f" + purpose + "\u001f" + value).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A stable, unlinkable subject for {@code username} as seen by {@code sector} (a client). */
  String pairwiseSubject(String sector, String username) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(pairwise);
      byte[] digest = mac.doFinal((sector + "\u001f" + username).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Properties loadOrCreate(Path file) {
    boolean existed = java.nio.file.Files.exists(file);
    var keys = KeyFile.loadOrCreate(file, List.of("key-encryption-key", "pairwise-key"),
        "Tongban identity keys: losing this file invalidates signing keys, TOTP secrets and pairwise subjects.");
    if (!existed) log.warn("Created identity keys in {} (none configured). Back this file up.", file.toAbsolutePath());
    return keys;
  }
}
