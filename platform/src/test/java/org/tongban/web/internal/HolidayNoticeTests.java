package org.tongban.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tongban.shared.WorkingDayCalendar;

/** Administrators are told to load a holiday notice in December (for next year) and whenever this year's is missing. */
class HolidayNoticeTests {

  private final WorkingDayCalendar calendar = WorkingDayCalendar.official();

  @Test
  void decemberWarnsOfNextYearAndAYearWithoutItsNoticeWarnsAllYear() {
    assertThat(HolidayNotice.missing(LocalDate.of(2026, 11, 30), calendar)).isNull();
    assertThat(HolidayNotice.missing(LocalDate.of(2026, 12, 1), calendar)).isEqualTo(2027);
    assertThat(HolidayNotice.missing(LocalDate.of(2027, 3, 1), calendar)).isEqualTo(2027);
    assertThat(HolidayNotice.missing(LocalDate.of(2025, 12, 15), calendar)).isNull();
  }
}
