package org.tongban.audit.internal;

import java.util.Base64;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongban.shared.KeyFile;

/** The chain key: from the environment in production, generated once into a key file in embedded mode. */
@Configuration(proxyBeanMethods = false)
class AuditKeys {

  @Bean
  ChainHash chainHash(AuditSettings settings) {
    String key = settings.key() != null && !settings.key().isBlank() ? settings.key()
        : KeyFile.loadOrCreate(settings.keyFile(), List.of("chain"),
            "Tongban: HMAC key of the audit chain (generated; keep a copy away from the database)").getProperty("chain");
    return new ChainHash(Base64.getDecoder().decode(key.strip()));
  }
}
