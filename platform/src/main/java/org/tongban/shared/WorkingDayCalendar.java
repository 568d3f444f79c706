package org.tongban.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Working days on the State Council's holiday calendar: weekends and public holidays are off, adjusted
 * working days (调休上班, always a Saturday or Sunday) are on. The official notices for 2020–2026 are kept as
 * data in {@code calendar/cn-official-holidays.csv}; later years count Monday to Friday until their notice is
 * added. Time limits of the 实施清单 in working days (工作日) are counted with it.
 */
public final class WorkingDayCalendar {

  private static final WorkingDayCalendar OFFICIAL = load("calendar/cn-official-holidays.csv");

  /** true: an adjusted working day; false: a public holiday. */
  private final Map<LocalDate, Boolean> exceptions;
  private final int lastYear;

  private WorkingDayCalendar(Map<LocalDate, Boolean> exceptions) {
    this.exceptions = Map.copyOf(exceptions);
    this.lastYear = exceptions.keySet().stream().mapToInt(LocalDate::getYear).max().orElse(0);
  }

  public static WorkingDayCalendar official() {
    return OFFICIAL;
  }

  /** The last year whose official notice the calendar holds. */
  public int lastYear() {
    return lastYear;
  }

  public boolean isWorkingDay(LocalDate day) {
    Boolean exception = exceptions.get(day);
    if (exception != null) return exception;
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /**
   * The day on which a limit of {@code days} working days ends, counting from the day after {@code start}
   * (the day of acceptance is not counted). 0 days: {@code start} itself.
   */
  public LocalDate addWorkingDays(LocalDate start, int days) {
    if (days < 0) throw new IllegalArgumentException("days < 0");
    LocalDate day = start;
    int left = days;
    while (left > 0) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) left--;
    }
    return day;
  }

  /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) n++;
    }
    return n;
  }

  private static WorkingDayCalendar load(String resource) {
    var exceptions = new HashMap<LocalDate, Boolean>();
    var in = Objects.requireNonNull(WorkingDayCalendar.class.getClassLoader().getResourceAsStream(resource), resource);
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("date,")) continue;
        String[] f = line.split(",", 3);
        exceptions.put(LocalDate.parse(f[0]), f[1].equals("WORKDAY"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new WorkingDayCalendar(exceptions);
  }
}
