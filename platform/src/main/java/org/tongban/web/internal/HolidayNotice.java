package org.tongban.web.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.WorkingDayCalendar;

/**
 * Whether administrators must be told to load a holiday notice: all year when the current year's notice is missing,
 * and in December when next year's is (the State Council publishes it in the autumn). Until it is loaded, limits
 * ending in that year count the statutory holidays only and are marked provisional.
 */
final class HolidayNotice {

  private HolidayNotice() {}

  static @Nullable Integer missing(LocalDate today, WorkingDayCalendar calendar) {
    if (!calendar.official(today.getYear())) return today.getYear();
    if (today.getMonthValue() == 12 && !calendar.official(today.getYear() + 1)) return today.getYear() + 1;
    return null;
  }
}
