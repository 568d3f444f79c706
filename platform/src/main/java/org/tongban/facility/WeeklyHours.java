package org.tongban.facility;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Opening hours as staff write them: {@code 1-5 08:30-17:00; 6-7 09:00-12:00; 2,4 19:00-21:00 延时}. Days are
 * 1 (Monday) to 7; a period may be marked 延时 (extended, after work) or 错时 (staggered, e.g. lunch time).
 */
public record WeeklyHours(List<Period> periods) {

  private static final Pattern PERIOD =
      Pattern.compile("([1-7](?:-[1-7])?(?:,[1-7](?:-[1-7])?)*)\\s+(\\d{2}:\\d{2})-(\\d{2}:\\d{2})(?:\\s*(延时|错时))?");

  public WeeklyHours {
    periods = List.copyOf(periods);
  }

  public enum Mark { NORMAL, EXTENDED, STAGGERED }

  public record Period(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, Mark mark) {}

  /** Parses the written form; empty when it does not follow it. */
  public static Optional<WeeklyHours> parse(String text) {
    var periods = new ArrayList<Period>();
    for (String part : text.strip().split("\\s*[;；]\\s*")) {
      if (part.isEmpty()) continue;
      var m = PERIOD.matcher(part);
      if (!m.matches()) return Optional.empty();
      var days = EnumSet.noneOf(DayOfWeek.class);
      for (String range : m.group(1).split(",")) {
        int from = range.charAt(0) - '0';
        int to = range.length() > 1 ? range.charAt(2) - '0' : from;
        if (to < from) return Optional.empty();
        for (int d = from; d <= to; d++) days.add(DayOfWeek.of(d));
      }
      LocalTime opens;
      LocalTime closes;
      try {
        opens = LocalTime.parse(m.group(2));
        closes = LocalTime.parse(m.group(3));
      } catch (java.time.format.DateTimeParseException e) {
        return Optional.empty();
      }
      if (!closes.isAfter(opens)) return Optional.empty();
      var mark = m.group(4) == null ? Mark.NORMAL : m.group(4).equals("延时") ? Mark.EXTENDED : Mark.STAGGERED;
      periods.add(new Period(days, opens, closes, mark));
    }
    return periods.isEmpty() || periods.size() > 14 ? Optional.empty() : Optional.of(new WeeklyHours(periods));
  }

  /** The canonical written form (what {@link #parse} reads). */
  @Override
  public String toString() {
    return periods.stream().map(p -> days(p.days()) + " " + p.opens() + "-" + p.closes()
        + switch (p.mark()) {
          case NORMAL -> "";
          case EXTENDED -> " 延时";
          case STAGGERED -> " 错时";
        }).collect(Collectors.joining("; "));
  }

  private static final String[] ZH = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  private static final String[] EN = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

  /**
   * The hours as people read them: "周一至周五 08:30–17:00；周二、周四 19:00–21:00（延时）", or in English
   * "Mon–Fri 08:30–17:00; Tue, Thu 19:00–21:00 (extended)".
   */
  public String words(boolean english) {
    return periods.stream().map(p -> dayWords(p.days(), english) + " " + p.opens() + "–" + p.closes()
        + switch (p.mark()) {
          case NORMAL -> "";
          case EXTENDED -> english ? " (extended)" : "（延时）";
          case STAGGERED -> english ? " (staggered)" : "（错时）";
        }).collect(Collectors.joining(english ? "; " : "；"));
  }

  private static String dayWords(Set<DayOfWeek> days, boolean english) {
    var names = english ? EN : ZH;
    var parts = new ArrayList<String>();
    for (int[] run : runs(days)) {
      if (run[1] - run[0] >= 2) {
        parts.add(names[run[0] - 1] + (english ? "–" : "至") + names[run[1] - 1]);
      } else {
        for (int x = run[0]; x <= run[1]; x++) parts.add(names[x - 1]);
      }
    }
    return String.join(english ? ", " : "、", parts);
  }

  private static String days(Set<DayOfWeek> days) {
    return runs(days).stream().map(r -> r[0] == r[1] ? String.valueOf(r[0]) : r[0] + "-" + r[1])
        .collect(Collectors.joining(","));
  }

  /** Consecutive days as runs of day numbers (1 = Monday): {1, 5} for Monday to Friday. */
  private static List<int[]> runs(Set<DayOfWeek> days) {
    var runs = new ArrayList<int[]>();
    int d = 1;
    while (d <= 7) {
      if (!days.contains(DayOfWeek.of(d))) {
        d++;
        continue;
      }
      int end = d;
      while (end < 7 && days.contains(DayOfWeek.of(end + 1))) end++;
      runs.add(new int[] {d, end});
      d = end + 1;
    }
    return runs;
  }
}
