package org.tongban.exchange.spi;

import java.util.Map;
import org.tongban.shared.RegionCode;

/**
 * What one change shares: the record's key (the order of a record's changes is kept per key), the region it concerns
 * (subscriptions and flow-back are by region prefix), and its fields by the descriptor's names.
 */
public record SharedRecord(String key, RegionCode region, Map<String, Object> fields) {

  public SharedRecord {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }
}
