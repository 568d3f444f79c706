package org.tongban.region;

import org.tongban.shared.Refusal;

/** No current region has this code. */
public final class RegionNotFound extends Refusal {
  public RegionNotFound(String code) {
    super("region.not-found", 404, code);
  }
}
