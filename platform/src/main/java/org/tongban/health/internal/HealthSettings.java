package org.tongban.health.internal;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Health record settings ({@code tongban.health.*}). Keys come from the environment in production
 * ({@code TONGBAN_HEALTH_ENCRYPTION_KEY}, {@code TONGBAN_HEALTH_INDEX_KEY}: 32 random bytes, Base64); without them the
 * platform creates {@code keyFile} on first start (owner-readable only) and reuses it.
 *
 * @param encryptionKey AES-256 key of the records' content (Base64)
 * @param indexKey      HMAC-SHA256 key of the searchable codes (Base64)
 * @param keyFile       where generated keys are kept when none are configured
 * @param pageSize      the most resources one search answers
 */
@ConfigurationProperties("tongban.health")
record HealthSettings(@Nullable String encryptionKey, @Nullable String indexKey,
                      @DefaultValue("data/keys/health.keys") Path keyFile, @DefaultValue("200") int pageSize) {}
