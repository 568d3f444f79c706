package org.tongban.facility.spi;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a facility fact is computed from: the type, its places and places in use, and its attributes. */
public record FactInput(String type, @Nullable Integer capacity, int occupied, Map<String, Object> attributes) {

  public boolean yes(String key) {
    return Boolean.TRUE.equals(attributes.get(key));
  }

  public long number(String key) {
    return attributes.get(key) instanceof Number n ? n.longValue() : 0;
  }
}
