package org.tongban.health.internal;

import java.nio.file.Files;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tongban.shared.FieldCipher;
import org.tongban.shared.KeyFile;

/** The health record's keys ({@link FieldCipher}): content encrypted per version, codes indexed by keyed hash. */
@Component
class HealthCrypto {

  private static final Logger log = LoggerFactory.getLogger(HealthCrypto.class);

  final FieldCipher cipher;

  HealthCrypto(HealthSettings settings) {
    String enc = settings.encryptionKey();
    String idx = settings.indexKey();
    if (enc == null || idx == null) {
      boolean existed = Files.exists(settings.keyFile());
      var keys = KeyFile.loadOrCreate(settings.keyFile(), List.of("encryption-key", "index-key"),
          "Tongban health record keys: losing this file makes stored health records unreadable. Back it up.");
      if (!existed) {
        log.warn("Created health record keys in {} (no keys configured). Back this file up; in production set "
            + "TONGBAN_HEALTH_ENCRYPTION_KEY and TONGBAN_HEALTH_INDEX_KEY instead.", settings.keyFile().toAbsolutePath());
      }
      enc = keys.getProperty("encryption-key");
      idx = keys.getProperty("index-key");
    }
    this.cipher = new FieldCipher("health", enc, idx);
  }
}
