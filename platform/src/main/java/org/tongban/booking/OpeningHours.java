package org.tongban.booking;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * When a resource opens, as slots: on {@code days}, from {@code opens} to {@code closes} in slots of
 * {@code slotMinutes}; {@code extendedUntil} (optional, after {@code closes}) adds 延时开放 slots marked extended.
 */
public record OpeningHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, int slotMinutes,
                           LocalTime extendedUntil) {

  public OpeningHours {
    days = Set.copyOf(days);
    if (slotMinutes < 10 || slotMinutes > 480) throw new IllegalArgumentException("slotMinutes");
    if (!closes.isAfter(opens)) throw new IllegalArgumentException("closes before opens");
    if (extendedUntil.isBefore(closes)) throw new IllegalArgumentException("extendedUntil before closes");
  }

  public static OpeningHours daily(LocalTime opens, LocalTime closes, int slotMinutes) {
    return new OpeningHours(Set.of(DayOfWeek.values()), opens, closes, slotMinutes, closes);
  }

  record Start(LocalTime at, boolean extended) {}

  /** Slot start times on a day the resource opens; those ending after {@code closes} are extended hours. */
  List<Start> starts() {
    var result = new java.util.ArrayList<Start>();
    for (LocalTime t = opens; !t.plusMinutes(slotMinutes).isAfter(extendedUntil); t = t.plusMinutes(slotMinutes)) {
      result.add(new Start(t, t.plusMinutes(slotMinutes).isAfter(closes)));
    }
    return result;
  }
}
