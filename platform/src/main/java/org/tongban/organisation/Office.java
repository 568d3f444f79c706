package org.tongban.organisation;

import org.jspecify.annotations.Nullable;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

/** A department at a region. {@code generated} marks demo data that is not real. */
public record Office(OfficeId id, String department, RegionCode region, OfficeKind kind, String name,
                     @Nullable String address, @Nullable String phone, boolean generated, int version) {

  /**
   * A counter next to residents: a village or community station (便民服务站), or the service hall of a township or
   * street (便民服务中心).
   */
  public boolean isStation() {
    return kind == OfficeKind.VILLAGE_STATION
        || (kind == OfficeKind.SERVICE_HALL && region.level().ordinal() >= RegionLevel.TOWNSHIP.ordinal());
  }
}
