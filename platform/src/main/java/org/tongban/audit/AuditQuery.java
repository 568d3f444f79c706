package org.tongban.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Filters for searching the trail; null fields do not filter. Text fields match exactly. */
public record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable String targetType,
                         @Nullable String targetId, @Nullable Instant from, @Nullable Instant to) {

  public static AuditQuery all() {
    return new AuditQuery(null, null, null, null, null, null);
  }
}
