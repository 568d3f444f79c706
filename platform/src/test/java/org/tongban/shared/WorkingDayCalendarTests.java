package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTests {

  private final WorkingDayCalendar calendar = WorkingDayCalendar.official();

  @Test
  void springFestival2025IsOffAndItsAdjustedSundayAndSaturdayAreWorked() {
    assertThat(calendar.isWorkingDay(LocalDate.parse("2025-01-28"))).isFalse(); // 除夕, a Tuesday
    assertThat(calendar.isWorkingDay(LocalDate.parse("2025-02-04"))).isFalse(); // Tuesday, still off
    assertThat(calendar.isWorkingDay(LocalDate.parse("2025-01-26"))).isTrue();  // Sunday, 调休上班
    assertThat(calendar.isWorkingDay(LocalDate.parse("2025-02-08"))).isTrue();  // Saturday, 调休上班
    assertThat(calendar.isWorkingDay(LocalDate.parse("2025-02-09"))).isFalse(); // ordinary Sunday
  }

  @Test
  void nationalDay2025RunsEightDaysWithTwoAdjustedDays() {
    for (int d = 1; d <= 8; d++) assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, d))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2025-09-28"))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-11"))).isTrue();
    // Accepted Tuesday 30 September 2025: 9, 10, 11 (Saturday, worked), 13–17, 20, 21 October.
    assertThat(calendar.addWorkingDays(LocalDate.parse("2025-09-30"), 10)).isEqualTo(LocalDate.parse("2025-10-21"));
  }

  @Test
  void springFestival2026TakesNineDaysAndTwoSaturdaysAreWorked() {
    for (int d = 15; d <= 23; d++) assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, d))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-28"))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-04"))).isTrue();  // Sunday after 元旦
    // Accepted Friday 13 Feb 2026: 14 Feb (Sat, worked) is day 1, then 24, 25, 26, 27, 28 (Sat, worked) → day 6.
    assertThat(calendar.addWorkingDays(LocalDate.parse("2026-02-13"), 6)).isEqualTo(LocalDate.parse("2026-02-28"));
    assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-02-13"), LocalDate.parse("2026-02-28"))).isEqualTo(6);
  }

  @Test
  void laterYearsFallBackToMondayToFridayAndZeroDaysIsTheSameDay() {
    assertThat(calendar.lastYear()).isEqualTo(2026);
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-03-01"))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-03-06"))).isFalse(); // a Saturday
    assertThat(calendar.addWorkingDays(LocalDate.parse("2026-11-20"), 0)).isEqualTo(LocalDate.parse("2026-11-20"));
    assertThat(calendar.addWorkingDays(LocalDate.parse("2026-11-20"), 1)).isEqualTo(LocalDate.parse("2026-11-23"));
  }

  @Test
  void yearsWithoutANoticeKeepTheStatutoryHolidaysLunarOnesIncluded() {
    // 2027: no notice yet. 元旦 is a Friday, 春节 (除夕 5 Feb, 初一 6 Feb), 清明 5 April, 端午 9 June, 中秋 15 September.
    assertThat(calendar.official(2026)).isTrue();
    assertThat(calendar.official(2027)).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-05"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-08"))).isFalse(); // 初三, a Monday
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-09"))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-04-05"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-06-09"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-09-15"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-10-01"))).isFalse();
    // A limit of 5 working days from Wednesday 3 February 2027 skips 春节: 4, 9, 10, 11, 12 February.
    assertThat(calendar.addWorkingDays(LocalDate.parse("2027-02-03"), 5)).isEqualTo(LocalDate.parse("2027-02-12"));
  }

  @Test
  void theComputedHolidaysAgreeWithEveryNoticeWeHold() {
    // Each computed day (春节 from 初一, since the 除夕 and the fourth day came with the 2024 revision; 劳动节 1 May)
    // is a day off in the notices of 2020–2026.
    for (int year = 2020; year <= 2026; year++) {
      var newYear = WorkingDayCalendar.lunar(year, 1, 1);
      for (var day : java.util.List.of(LocalDate.of(year, 1, 1), newYear, newYear.plusDays(1), newYear.plusDays(2),
          WorkingDayCalendar.qingming(year), LocalDate.of(year, 5, 1), WorkingDayCalendar.lunar(year, 5, 5),
          WorkingDayCalendar.lunar(year, 8, 15), LocalDate.of(year, 10, 1), LocalDate.of(year, 10, 2),
          LocalDate.of(year, 10, 3))) {
        assertThat(calendar.isWorkingDay(day)).as("%s", day).isFalse();
      }
    }
    assertThat(WorkingDayCalendar.lunar(2025, 1, 1)).isEqualTo(LocalDate.parse("2025-01-29"));
    assertThat(WorkingDayCalendar.lunar(2026, 1, 1)).isEqualTo(LocalDate.parse("2026-02-17"));
    assertThat(WorkingDayCalendar.lunar(2026, 8, 15)).isEqualTo(LocalDate.parse("2026-09-25"));
    assertThat(WorkingDayCalendar.qingming(2026)).isEqualTo(LocalDate.parse("2026-04-05"));
  }
}
