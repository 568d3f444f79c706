package org.tongban.insurance;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * 法定退休年龄 under 《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》 (2024-09-13, in force
 * 2025-01-01) and the 《国务院关于渐进式延迟法定退休年龄的办法》 it approves.
 *
 * <p>Art. 2 of the 办法: from 2025-01-01 the age of men (originally 60) and of women originally retiring at 55 rises by one
 * month for every four months of birth, up to 63 and 58; women originally retiring at 50, by one month for every two
 * months, up to 55. The annexes 1–3 (对照表) list it by birth month: the first cohort delayed is born in January 1965
 * (men), January 1970 (women, 55) and January 1975 (women, 50), each one month; everyone born before retires at the
 * original age. Art. 3: a worker may retire up to three years earlier than the statutory age (never below the original
 * age) once the minimum contribution period is met, or up to three years later, with the employer's agreement.
 */
public final class RetirementAge {

  private RetirementAge() {}

  /** The original statutory age the worker falls under (男60 / 女55 / 女50), with the decision's schedule. */
  public enum Original {
    MEN_60(60, YearMonth.of(1965, 1), 4, 63, "附件1 男职工延迟法定退休年龄对照表"),
    WOMEN_55(55, YearMonth.of(1970, 1), 4, 58, "附件2 原法定退休年龄五十五周岁的女职工延迟法定退休年龄对照表"),
    WOMEN_50(50, YearMonth.of(1975, 1), 2, 55, "附件3 原法定退休年龄五十周岁的女职工延迟法定退休年龄对照表");

    private final int years;
    private final YearMonth firstDelayed;
    private final int birthMonthsPerMonthDelayed;
    private final int targetYears;
    private final String annex;

    Original(int years, YearMonth firstDelayed, int birthMonthsPerMonthDelayed, int targetYears, String annex) {
      this.years = years;
      this.firstDelayed = firstDelayed;
      this.birthMonthsPerMonthDelayed = birthMonthsPerMonthDelayed;
      this.targetYears = targetYears;
      this.annex = annex;
    }

    public int years() {
      return years;
    }

    public int targetYears() {
      return targetYears;
    }

    public String annex() {
      return annex;
    }

    /** Parses 60, 55 or 50 with the sex it implies; anything else is refused. */
    public static Original of(int years) {
      for (var o : values()) if (o.years == years) return o;
      throw new InsuranceRefusals.InvalidCalculation("originalAge");
    }
  }

  /** An age in years and months. */
  public record Age(int years, int months) {
    public int totalMonths() {
      return years * 12 + months;
    }

    static Age ofMonths(int months) {
      return new Age(months / 12, months % 12);
    }

    @Override
    public String toString() {
      return months == 0 ? years + "岁" : years + "岁" + months + "个月";
    }
  }

  /**
   * The statutory age and month for someone born in {@code birth}; {@code delayMonths} is how far the decision moved
   * it, {@code earliest}/{@code latest} the voluntary window of art. 3 (the earliest never below the original age).
   */
  public record Result(Original original, YearMonth birth, Age age, YearMonth month, int delayMonths, Age earliestAge,
                       YearMonth earliestMonth, Age latestAge, YearMonth latestMonth, List<String> basis) {}

  /** The statutory retirement age and month; refuses births before 1930 or after 2030 (no worker of this scheme). */
  public static Result of(Original original, YearMonth birth) {
    if (birth.getYear() < 1930 || birth.getYear() > 2030) throw new InsuranceRefusals.InvalidCalculation("birthMonth");
    int base = original.years * 12;
    int cap = (original.targetYears - original.years) * 12;
    long after = original.firstDelayed.until(birth, java.time.temporal.ChronoUnit.MONTHS);
    int delay = after < 0 ? 0 : (int) Math.min(after / original.birthMonthsPerMonthDelayed + 1, cap);
    var age = Age.ofMonths(base + delay);
    int earliest = Math.max(base, base + delay - 36);
    int latest = base + delay + 36;
    var basis = new ArrayList<String>();
    basis.add(after < 0
        ? "出生于" + original.firstDelayed + "之前，按原法定退休年龄" + original.years + "周岁（《国务院关于渐进式延迟法定退休年龄的办法》第二条）"
        : "《国务院关于渐进式延迟法定退休年龄的办法》第二条、" + original.annex + "：每" + original.birthMonthsPerMonthDelayed
            + "个月延迟1个月，最高" + original.targetYears + "周岁");
    basis.add("《国务院关于渐进式延迟法定退休年龄的办法》第三条：弹性提前最多3年且不低于原法定退休年龄，弹性延迟最多3年");
    return new Result(original, birth, age, birth.plusMonths(base + delay), delay, Age.ofMonths(earliest),
        birth.plusMonths(earliest), Age.ofMonths(latest), birth.plusMonths(latest), List.copyOf(basis));
  }
}
