package org.tongban.eldercare;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A recorded visit. {@code followUp} is the number of a case opened for a need found (办件编号), if any. */
public record Visit(UUID id, UUID elder, LocalDate visitedOn, String visitor, String findings, Set<VisitNeed> needs,
                    @Nullable String followUp) {}
