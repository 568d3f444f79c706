package org.tongban.casework;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A case's clock on a day: working (or natural) days left until the due date, and the warning colour. Yellow when a
 * fifth of the limit or less is left (at least one day), red when the due date has passed. {@code provisional}: the
 * due date lies in a year whose holiday notice is not loaded yet. No due date before acceptance (受理).
 */
public record Deadline(@Nullable LocalDate due, int daysLeft, Warning warning, boolean paused, boolean provisional) {

  public enum Warning { NONE, GREEN, YELLOW, RED }

  static Deadline of(CaseFile c, LocalDate today) {
    return DeadlineClock.official().deadline(c, today);
  }
}
