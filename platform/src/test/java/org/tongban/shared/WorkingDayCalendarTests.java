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
    assertThat(calendar.addWorkingDays(LocalDate.parse("2026-11-20"), 0)).isEqualTo(LocalDate.parse("2026-11-20"));
    assertThat(calendar.addWorkingDays(LocalDate.parse("2026-11-20"), 1)).isEqualTo(LocalDate.parse("2026-11-23"));
  }
}
