package org.tongban.exchange;

import java.time.Instant;
import java.util.Map;
import org.tongban.shared.RegionCode;

/** A change the national platform sent down, stored once; modules that act on it listen for this. */
public record NationalChangeReceived(String id, String resource, String key, RegionCode region, Instant occurredAt,
                                     Map<String, Object> fields) {}
