package org.tongban.shared;

import com.nlf.calendar.Lunar;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days on the State Council's holiday calendar: weekends and public holidays are off, adjusted working days
 * (调休上班, always a Saturday or Sunday) are on. The official notices for 2020–2026 are kept as data in
 * {@code calendar/cn-official-holidays.csv}. A year whose notice is not loaded yet counts the statutory holidays of the
 * 全国年节及纪念日放假办法 (2024 revision: 元旦 1 day, 春节 4 days from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3),
 * lunar ones computed, without the adjusted days no one knows yet: limits ending there are provisional
 * ({@link #official(int)} false) until the notice is added.
 */
public final class WorkingDayCalendar {

  private static final WorkingDayCalendar OFFICIAL = load("calendar/cn-official-holidays.csv");

  /** true: an adjusted working day; false: a public holiday. */
  private final Map<LocalDate, Boolean> exceptions;
  private final Set<Integer> noticeYears;
  private final int lastYear;
  private final Map<Integer, Set<LocalDate>> statutory = new ConcurrentHashMap<>();

  private WorkingDayCalendar(Map<LocalDate, Boolean> exceptions) {
    this.exceptions = Map.copyOf(exceptions);
    var years = new TreeSet<Integer>();
    exceptions.keySet().forEach(d -> years.add(d.getYear()));
    this.noticeYears = Set.copyOf(years);
    this.lastYear = years.isEmpty() ? 0 : years.last();
  }

  public static WorkingDayCalendar official() {
    return OFFICIAL;
  }

  /** The last year whose official notice the calendar holds. */
  public int lastYear() {
    return lastYear;
  }

  /** Whether the State Council's notice for {@code year} is loaded (otherwise its working days are computed). */
  public boolean official(int year) {
    return noticeYears.contains(year);
  }

  public boolean isWorkingDay(LocalDate day) {
    Boolean exception = exceptions.get(day);
    if (exception != null) return exception;
    if (!official(day.getYear()) && statutoryHolidays(day.getYear()).contains(day)) return false;
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /**
   * The days off the 全国年节及纪念日放假办法 (as revised in 2024, in force from 2025) gives in {@code year}, before any
   * adjustment of the year's notice: 元旦, 春节 (除夕 to 正月初三), 清明, 劳动节 (1–2 May), 端午 (五月初五), 中秋 (八月十五),
   * 国庆节 (1–3 October).
   */
  public Set<LocalDate> statutoryHolidays(int year) {
    return statutory.computeIfAbsent(year, y -> {
      var days = new TreeSet<LocalDate>();
      days.add(LocalDate.of(y, 1, 1));
      LocalDate newYear = lunar(y, 1, 1);
      for (int i = -1; i <= 2; i++) days.add(newYear.plusDays(i));
      days.add(qingming(y));
      days.add(LocalDate.of(y, 5, 1));
      days.add(LocalDate.of(y, 5, 2));
      days.add(lunar(y, 5, 5));
      days.add(lunar(y, 8, 15));
      for (int d = 1; d <= 3; d++) days.add(LocalDate.of(y, 10, d));
      return Set.copyOf(days);
    });
  }

  /** A day of the Chinese calendar's year that begins in Gregorian {@code year} (month 1–12, never a leap month). */
  static LocalDate lunar(int year, int month, int day) {
    var solar = Lunar.fromYmd(year, month, day).getSolar();
    return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
  }

  /** 清明: the day the sun reaches 15° of longitude, in Beijing time. */
  static LocalDate qingming(int year) {
    var solar = Lunar.fromYmd(year, 3, 1).getJieQiTable().get("清明");
    return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
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
