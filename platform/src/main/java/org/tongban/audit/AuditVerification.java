package org.tongban.audit;

import org.jspecify.annotations.Nullable;

/**
 * Outcome of walking the chain: {@code intact} when every entry from the anchor to the end hashes to its
 * stored value and no sequence number is missing; otherwise {@code firstBrokenSeq} names the first entry
 * that does not fit and {@code problem} says how.
 */
public record AuditVerification(boolean intact, long checked, @Nullable Long firstBrokenSeq,
                                @Nullable String problem) {}
