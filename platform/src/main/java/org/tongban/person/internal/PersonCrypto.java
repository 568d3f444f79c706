package org.tongban.person.internal;

import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tongban.shared.FieldCipher;
import org.tongban.shared.KeyFile;
import java.util.List;

/**
 * The person registry's keys: AES-256-GCM for personal fields and HMAC-SHA256 for the blind index
 * ({@link FieldCipher}). The field name is bound as associated data, so a phone ciphertext cannot be passed off as an
 * ID number.
 */
@Component
public class PersonCrypto {

  private static final Logger log = LoggerFactory.getLogger(PersonCrypto.class);

  private final FieldCipher cipher;

  PersonCrypto(PersonSettings settings) {
    String enc = settings.encryptionKey();
    String idx = settings.indexKey();
    if (enc == null || idx == null) {
      var keys = loadOrCreate(settings);
      enc = keys.getProperty("encryption-key");
      idx = keys.getProperty("index-key");
    }
    this.cipher = new FieldCipher("person", enc, idx);
  }

  public byte[] encrypt(String field, String plain) {
    return cipher.encrypt(field, plain);
  }

  public String decrypt(String field, byte[] data) {
    return cipher.decrypt(field, data);
  }

  /** Blind index of a normalised value: equal inputs give equal outputs; nothing can be read back. */
  public byte[] index(String normalised) {
    return cipher.index(normalised);
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
