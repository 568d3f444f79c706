package org.tongban.audit;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One recorded action. {@code detail} never holds unmasked personal data. */
public record AuditEntry(long seq, Instant at, String actor, String action, @Nullable String targetType,
                         @Nullable String targetId, @Nullable String regionCode, @Nullable String ip,
                         Map<String, String> detail) {}
