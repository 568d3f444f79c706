package org.tongban.person.internal;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Person registry settings ({@code tongban.person.*}). Keys come from the environment in production
 * ({@code TONGBAN_PERSON_ENCRYPTION_KEY}, {@code TONGBAN_PERSON_INDEX_KEY}: 32 random bytes, Base64); without
 * them the platform creates {@code keyFile} on first start (owner-readable only) and reuses it.
 *
 * @param encryptionKey AES-256 key for ID numbers and phones (Base64)
 * @param indexKey HMAC-SHA256 key for the blind index (Base64); changing it requires re-indexing
 * @param keyFile where generated keys are kept when none are configured
 * @param demoResidents how many generated residents to create on start when none exist (0: none)
 * @param demoSeed seed of the generator, so that generated data is reproducible
 */
@ConfigurationProperties("tongban.person")
record PersonSettings(@Nullable String encryptionKey, @Nullable String indexKey,
                      @DefaultValue("data/keys/person.keys") Path keyFile,
                      @DefaultValue("0") int demoResidents, @DefaultValue("20201101") long demoSeed) {}
