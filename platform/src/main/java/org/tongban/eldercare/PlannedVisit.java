package org.tongban.eldercare;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A visit planned for a month: who visits whom by when, and the visit that fulfilled it (null while open). */
public record PlannedVisit(UUID id, LocalDate month, Elder elder, String worker, LocalDate due,
                           @Nullable LocalDate visitedOn) {

  public boolean overdue(LocalDate today) {
    return visitedOn == null && today.isAfter(due);
  }
}
