package org.tongban.audit.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit trail settings ({@code tongban.audit.*}).
 *
 * @param retention how long entries are kept; at least six months (网络安全法 art. 21 requires network logs
 *     to be kept for no less than six months), default one year
 * @param key the chain's HMAC key (Base64, 32 bytes) from the environment ({@code TONGBAN_AUDIT_KEY}); when absent
 *     the key is generated once into {@code keyFile}. Keep it off the database server: whoever holds it and the
 *     database can rewrite the chain.
 * @param keyFile where a generated key is kept (owner-only)
 * @param checkpointFile signed checkpoints of the chain's head, appended outside PostgreSQL; verification compares the
 *     chain with the latest one, so deleting the newest entries (or the whole chain) is found
 * @param checkpointEvery how often a checkpoint is written when the chain has grown
 */
@ConfigurationProperties("tongban.audit")
record AuditSettings(@DefaultValue("P1Y") Period retention, @Nullable String key,
                     @DefaultValue("data/keys/audit.keys") Path keyFile,
                     @DefaultValue("data/audit/checkpoints.log") Path checkpointFile,
                     @DefaultValue("PT1M") Duration checkpointEvery) {

  AuditSettings {
    if (retention.toTotalMonths() < 6 && retention.getDays() < 183 || retention.isNegative()) {
      throw new IllegalArgumentException("tongban.audit.retention must be at least six months, was " + retention);
    }
  }
}
