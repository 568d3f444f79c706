package org.tongban.planning;

import org.jspecify.annotations.Nullable;
import org.tongban.indicator.IndicatorSpec;
import org.tongban.shared.RegionCode;

/**
 * A target of a plan: the indicator, how its value compares with {@code value} by {@code year}, the region it is
 * set for (Liaoning or Luzhou), the value the plan strives for beyond it ({@code stretch}), and the sentence of the
 * plan it comes from, as the seed file has it. {@code department} answers for it: its staff enter and approve the
 * figures of data-entry targets.
 */
public record Target(String code, RegionCode region, String department, int year, String nameZh, String nameEn, IndicatorSpec indicator,
                     Comparison comparison, @Nullable Double value, @Nullable Double stretch, String sentence,
                     String source, PlanTitle plan, @Nullable String note) {

  /** The title of the plan a target comes from, as it is cited ("《辽宁省“十四五”公共服务规划》"). */
  public record PlanTitle(String zh, String en) {}

  public enum Comparison {
    GE("≥"), LE("≤"), EQ("=");

    private final String sign;

    Comparison(String sign) {
      this.sign = sign;
    }

    public String sign() {
      return sign;
    }

    boolean met(double actual, double target) {
      return switch (this) {
        case GE -> actual >= target - 1e-9;
        case LE -> actual <= target + 1e-9;
        case EQ -> Math.abs(actual - target) < 1e-9;
      };
    }
  }
}
