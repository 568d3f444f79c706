package org.tongban.region;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

/**
 * One version of an administrative unit. {@code validTo} is null for the current version; a merged unit
 * names its {@code successor}.
 */
public record Region(RegionCode code, String name, RegionLevel level, @Nullable RegionCode parent,
                     RegionKind kind, LocalDate validFrom, @Nullable LocalDate validTo,
                     @Nullable RegionCode successor) {

  public boolean isCurrent() {
    return validTo == null;
  }
}
