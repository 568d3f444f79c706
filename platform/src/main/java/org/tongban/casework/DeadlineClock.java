package org.tongban.casework;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.tongban.shared.WorkingDayCalendar;

/**
 * A case's clock, without a database or a clock of its own: when a limit ends, how long a pause stopped it, how much
 * is left on a day. Limits run from 受理 (acceptance; the day itself not counted), in working days on the official
 * calendar or in natural days. A due date in a year whose holiday notice is not loaded yet is provisional.
 */
public final class DeadlineClock {

  private static final DeadlineClock OFFICIAL = new DeadlineClock(WorkingDayCalendar.official());
  private final WorkingDayCalendar calendar;

  public DeadlineClock(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  public static DeadlineClock official() {
    return OFFICIAL;
  }

  /** The day a limit of {@code amount} days counted from {@code start} ends; 0 days is {@code start} itself. */
  public LocalDate due(LocalDate start, int amount, boolean workingDays) {
    return workingDays ? calendar.addWorkingDays(start, amount) : start.plusDays(amount);
  }

  /** Days a pause from {@code since} until {@code resumed} held the clock (working days for working-day limits). */
  public int paused(LocalDate since, LocalDate resumed, boolean workingDays) {
    return workingDays ? calendar.workingDaysBetween(since, resumed) : (int) Math.max(0, ChronoUnit.DAYS.between(since, resumed));
  }

  /** Whether a due date rests on a year whose official notice is not loaded yet (its 调休 are unknown). */
  public boolean provisional(LocalDate from, LocalDate due) {
    for (int year = Math.min(from.getYear(), due.getYear()); year <= Math.max(from.getYear(), due.getYear()); year++) {
      if (!calendar.official(year)) return true;
    }
    return false;
  }

  /** The deadline of an open, accepted case on {@code today}; none before acceptance or after the case ended. */
  public Deadline deadline(CaseFile c, LocalDate today) {
    if (c.dueDate() == null || !c.status().open()) {
      return new Deadline(c.dueDate(), 0, Deadline.Warning.NONE, c.status().open() && c.pausedSince() != null, false);
    }
    boolean working = c.limitUnit().equals("WORKING_DAYS");
    int left = today.isAfter(c.dueDate()) ? -paused(c.dueDate(), today, working) : paused(today, c.dueDate(), working);
    Deadline.Warning w;
    if (today.isAfter(c.dueDate())) w = Deadline.Warning.RED;
    else if (left <= Math.max(1, c.limitDays() / 5)) w = Deadline.Warning.YELLOW;
    else w = Deadline.Warning.GREEN;
    return new Deadline(c.dueDate(), left, w, c.pausedSince() != null, provisional(today, c.dueDate()));
  }
}
