package org.tongban.indicator;

import java.time.YearMonth;

/**
 * A reporting period: a year, a quarter or a month, from {@code first} to {@code last} month. Stocks are read at the
 * end of {@code last}; flows are summed over the months in between.
 */
public record Period(YearMonth first, YearMonth last, String label) {

  public Period {
    if (last.isBefore(first)) throw new IllegalArgumentException("period ends before it starts");
  }

  public static Period year(int year) {
    return new Period(YearMonth.of(year, 1), YearMonth.of(year, 12), String.valueOf(year));
  }

  /** Quarter 1–4 of a year. */
  public static Period quarter(int year, int quarter) {
    if (quarter < 1 || quarter > 4) throw new IllegalArgumentException("quarter " + quarter);
    return new Period(YearMonth.of(year, quarter * 3 - 2), YearMonth.of(year, quarter * 3), year + "Q" + quarter);
  }

  public static Period month(YearMonth month) {
    return new Period(month, month, month.toString());
  }

  /** Reads "2025", "2025Q2" or "2025-06". */
  public static Period parse(String text) {
    if (text.matches("\\d{4}")) return year(Integer.parseInt(text));
    if (text.matches("\\d{4}Q[1-4]")) return quarter(Integer.parseInt(text.substring(0, 4)), text.charAt(5) - '0');
    return month(YearMonth.parse(text));
  }
}
