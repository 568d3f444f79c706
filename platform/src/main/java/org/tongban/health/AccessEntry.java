package org.tongban.health;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One look at (or write to) a resident's record: who, what, when and why; and whether she reported it. */
public record AccessEntry(long id, String action, String what, String actorKind, String actorName, String purpose,
                          Instant at, @Nullable Instant reportedAt, @Nullable String report) {}
