package org.tongban.health;

import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

/** A clinic registered to keep records: its OIDC client, name, kind and region; it serves residents of its county. */
public record Clinic(String clientId, String name, ClinicKind kind, RegionCode region, boolean generated) {

  /** The county (or district) whose residents' records it may write and read. */
  public RegionCode county() {
    var county = region.atLevel(RegionLevel.COUNTY);
    return county == null ? region : county;
  }
}
