package org.tongban.region.internal.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.RegionCode;

/**
 * Region names for pages ({@code ${@regionNames.full(code)}}): people read "辽宁省沈阳市和平区南市场街道", never
 * "210102001". Unknown or malformed codes are shown as they are.
 */
@Component("regionNames")
class RegionNames {

  private final RegionDirectory regions;

  RegionNames(RegionDirectory regions) {
    this.regions = regions;
  }

  /** The full name from the province down. */
  public String full(@Nullable Object code) {
    var c = code(code);
    return c == null ? "" : regions.fullName(c);
  }

  /** The unit's own name ("南市场街道"). */
  public String name(@Nullable Object code) {
    var c = code(code);
    return c == null ? "" : regions.find(c).map(r -> r.name()).orElse(c.value());
  }

  private static @Nullable RegionCode code(@Nullable Object code) {
    if (code == null) return null;
    if (code instanceof RegionCode c) return c;
    try {
      return RegionCode.of(code.toString());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
