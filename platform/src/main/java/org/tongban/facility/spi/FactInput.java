package org.tongban.facility.spi;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a facility fact is computed from: the type, its places and places in use, its attributes, and the day it opened
 * (for targets about facilities built within the plan's period).
 */
public record FactInput(String type, @Nullable Integer capacity, int occupied, Map<String, Object> attributes,
                        @Nullable LocalDate openedOn) {

  /** Whether it opened on or after {@code day} (a facility not open yet has not). */
  public boolean openedSince(LocalDate day) {
    return openedOn != null && !openedOn.isBefore(day);
  }

  public boolean yes(String key) {
    return Boolean.TRUE.equals(attributes.get(key));
  }

  public long number(String key) {
    return attributes.get(key) instanceof Number n ? n.longValue() : 0;
  }
}
