package org.tongban.employment;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A seeker's application to a vacancy, with the vacancy's title and unit for the lists. */
public record JobApplication(UUID id, UUID vacancyId, String vacancyTitle, String unitName, UUID personId,
                             String personName, @Nullable String note, ApplicationStatus status,
                             @Nullable Instant interviewAt, @Nullable String interviewPlace, Instant createdAt,
                             int version) {}
