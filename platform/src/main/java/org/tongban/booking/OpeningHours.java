package org.tongban.booking;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.tongban.shared.Refusal;

/**
 * When a resource opens, as slots: on {@code days}, from {@code opens} to {@code closes} in slots of
 * {@code slotMinutes}; {@code extendedUntil} (optional, after {@code closes}) adds 延时开放 slots marked extended.
 */
public record OpeningHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, int slotMinutes,
                           LocalTime extendedUntil) {

  /** Refuses slots outside 10–480 minutes, closing at or before opening, and extended hours ending before closing. */
  public OpeningHours {
    days = Set.copyOf(days);
    if (slotMinutes < 10 || slotMinutes > 480) throw new InvalidHours("slotMinutes");
    if (!closes.isAfter(opens)) throw new InvalidHours("closes");
    if (extendedUntil.isBefore(closes)) throw new InvalidHours("extendedUntil");
  }

  /** Opening hours that cannot be: the field that is wrong is named. */
  public static final class InvalidHours extends Refusal {
    InvalidHours(String field) {
      super("booking.invalid-hours", 400, field);
    }
  }

  public static OpeningHours daily(LocalTime opens, LocalTime closes, int slotMinutes) {
    return new OpeningHours(Set.of(DayOfWeek.values()), opens, closes, slotMinutes, closes);
  }

  record Start(LocalTime at, boolean extended) {}

  /** Slot start times on a day the resource opens; those ending after {@code closes} are extended hours. */
  List<Start> starts() {
    var result = new java.util.ArrayList<Start>();
    int end = extendedUntil.toSecondOfDay() / 60;
    // Counted in minutes of the day: a slot past midnight wrapped round to the morning and never ended the loop.
    for (int m = opens.toSecondOfDay() / 60; m + slotMinutes <= end; m += slotMinutes) {
      var t = LocalTime.ofSecondOfDay(m * 60L);
      result.add(new Start(t, m + slotMinutes > closes.toSecondOfDay() / 60));
    }
    return result;
  }
}
