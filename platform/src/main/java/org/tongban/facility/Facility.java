package org.tongban.facility;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.GeoPoint;
import org.tongban.shared.RegionCode;

/**
 * A facility as everyone sees it. {@code location} is WGS-84. {@code capacity} is the number of places of its
 * type (托位, 学位, 床位 …) and {@code occupied} those in use; both null/0 for types without places.
 * {@code generated} marks demo or benchmark data: no such place exists.
 */
public record Facility(FacilityId id, String type, String typeName, String name, RegionCode region,
                       @Nullable GeoPoint location, @Nullable String hours, FeeRule fee, int feeCents,
                       FacilityStatus status, LocalDate statusSince, @Nullable LocalDate openedOn,
                       @Nullable LocalDate closedOn, @Nullable Integer capacity, int occupied,
                       Map<String, Object> attributes, List<RegionCode> catchment, boolean generated, int version) {

  /** Free places, or null for types without places. */
  public @Nullable Integer free() {
    return capacity == null ? null : Math.max(0, capacity - occupied);
  }

  /** Whether it counted as open on {@code day} (open since then and not closed by then). */
  public boolean openOn(LocalDate day) {
    if (openedOn == null || openedOn.isAfter(day)) return false;
    return closedOn == null || closedOn.isAfter(day);
  }
}
