package org.tongban.eldercare;

import java.time.YearMonth;
import org.tongban.shared.RegionCode;

/**
 * The monthly visit rate of a region (特殊困难老年人月探访率, target 100%): people on the register during the month
 * who had at least one recorded visit in it, over all of them. Sums of numerators and denominators roll up.
 */
public record VisitRate(RegionCode region, String name, YearMonth month, long registered, long visited) {

  /** Per cent, one decimal; 0 when nobody is registered. */
  public double percent() {
    return registered == 0 ? 0 : Math.round(visited * 1000.0 / registered) / 10.0;
  }
}
