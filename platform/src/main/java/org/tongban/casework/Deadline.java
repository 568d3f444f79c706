package org.tongban.casework;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.WorkingDayCalendar;

/**
 * A case's clock on a day: working (or natural) days left until the due date, and the warning colour.
 * Yellow when a fifth of the limit or less is left (at least one day), red when the due date has passed.
 */
public record Deadline(@Nullable LocalDate due, int daysLeft, Warning warning, boolean paused) {

  public enum Warning { NONE, GREEN, YELLOW, RED }

  static Deadline of(CaseFile c, LocalDate today) {
    if (c.dueDate() == null || !c.status().open()) return new Deadline(c.dueDate(), 0, Warning.NONE, false);
    boolean working = c.limitUnit().equals("WORKING_DAYS");
    var calendar = WorkingDayCalendar.official();
    int left = today.isAfter(c.dueDate())
        ? -(working ? calendar.workingDaysBetween(c.dueDate(), today) : (int) ChronoUnit.DAYS.between(c.dueDate(), today))
        : (working ? calendar.workingDaysBetween(today, c.dueDate()) : (int) ChronoUnit.DAYS.between(today, c.dueDate()));
    Warning w;
    if (today.isAfter(c.dueDate())) w = Warning.RED;
    else if (left <= Math.max(1, c.limitDays() / 5)) w = Warning.YELLOW;
    else w = Warning.GREEN;
    return new Deadline(c.dueDate(), left, w, c.pausedSince() != null);
  }
}
