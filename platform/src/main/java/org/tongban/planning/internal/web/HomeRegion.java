package org.tongban.planning.internal.web;

import java.util.Comparator;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.shared.RegionCode;

/** Where a planner's pages open: the widest region they may view (Liaoning for a province-wide scope). */
final class HomeRegion {

  private HomeRegion() {}

  static RegionCode of(Jurisdiction jurisdiction) {
    return jurisdiction.scopes().stream().filter(s -> s.purpose().grants(Purpose.VIEW))
        .map(s -> s.region() == null ? RegionCode.of("21") : s.region())
        .min(Comparator.comparingInt(r -> r.level().number())).orElse(RegionCode.of("21"));
  }
}
