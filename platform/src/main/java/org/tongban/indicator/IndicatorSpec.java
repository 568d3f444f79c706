package org.tongban.indicator;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.RegionLevel;

/**
 * How an indicator is computed from facts.
 *
 * @param numerator   facts summed for the numerator (stock at the end of the year)
 * @param denominator facts summed for the denominator ({@link Kind#RATIO}), or for {@link Kind#MONTHLY_RATE} the
 *                    stock the monthly flow is measured against
 * @param factor      multiplies the result (100 for a share, 1,000 for "per 1,000 people", 0.001 for metres → km)
 * @param level       for {@link Kind#COVERAGE}: the level of the units that must each have the facts
 * @param units       for {@link Kind#COVERAGE}: which units of that level count (see {@link Units})
 * @param unit        how the value reads (个, %, 个/千人, 公里)
 */
public record IndicatorSpec(String code, String nameZh, String nameEn, Kind kind, List<String> numerator,
                            List<String> denominator, double factor, @Nullable RegionLevel level, Units units,
                            String unit, String unitEn) {

  public IndicatorSpec {
    numerator = List.copyOf(numerator);
    denominator = List.copyOf(denominator);
  }

  /** The unit in the page's language: {@code unitEn} where the interface is English ("per 1,000 people"). */
  public String unitIn(String language) {
    return "en".equals(language) ? unitEn : unit;
  }

  public enum Kind {
    /** Numerator per census population (2020), times factor: 托位 per 1,000 people. */
    PER_POPULATION,
    /** Numerator over denominator times factor: a share. Sums of both roll up; ratios are never averaged. */
    RATIO,
    /** Sum of the numerator facts times factor: a count or a length. */
    COUNT,
    /** Share of the units of a level inside the region that have every numerator fact (每个乡镇至少一所 …). */
    COVERAGE,
    /** A month's flow over the stock it is measured against, for the latest month of the year (月探访率). */
    MONTHLY_RATE,
    /** No source in the platform yet: entered as data sets (not built yet). */
    DATA_ENTRY,
    /** Not a number: measured by the coverage work (service circles) later. */
    NOT_NUMERIC
  }

  /** Which units of a level a coverage counts, by the 统计用区划代码 ranges. */
  public enum Units {
    ALL, STREETS, TOWNS, COMMUNITIES, VILLAGES;

    boolean includes(String code) {
      int township = Integer.parseInt(code.substring(6, 9));
      int village = Integer.parseInt(code.substring(9, 12));
      return switch (this) {
        case ALL -> true;
        case STREETS -> township < 100;
        case TOWNS -> township >= 100;
        case COMMUNITIES -> village > 0 && village < 200;
        case VILLAGES -> village >= 200;
      };
    }
  }
}
