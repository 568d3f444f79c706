package org.tongban.casework;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A decision document or e-certificate, as the public verification page shows it: nothing personal beyond
 * the masked holder. {@code sha256} is the digest of the issued PDF, so a copy can be checked.
 */
public record Certificate(String code, String caseId, String kind, String title, String holderMasked, String issuer,
                          Instant issuedAt, String trustLevel, String sha256, String storageKey,
                          @Nullable Instant revokedAt) {}
