package org.tongban.health;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One entry of a resident's record as she reads it: its FHIR type and id, the day, a line of text, who wrote it. */
public record RecordEntry(String type, UUID id, int version, @Nullable LocalDate day, String summary, String author,
                          Instant updatedAt) {}
