package org.tongban.insurance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The monthly basic pension of an enterprise worker (国发〔2005〕38号《国务院关于完善企业职工基本养老保险制度的决定》):
 * 基础养老金 = (全省上年度在岗职工月平均工资 + 本人指数化月平均缴费工资) ÷ 2 × 缴费年限 × 1%, where the indexed wage is the
 * provincial average × the person's average contribution index; 个人账户养老金 = 个人账户储存额 ÷ 计发月数, the divisor
 * by the age at retirement from the decision's annex. Money in fen (分), rounded half-up to the fen at the end.
 */
public final class PensionFormula {

  private PensionFormula() {}

  /** 国发〔2005〕38号 附件《个人账户养老金计发月数表》, ages 40 to 70. */
  private static final int[] DIVISORS = {233, 230, 226, 223, 220, 216, 212, 207, 204, 199, 195, 190, 185, 180, 175,
      170, 164, 158, 152, 145, 139, 132, 125, 117, 109, 101, 93, 84, 75, 65, 56};

  /** 计发月数 for an age at retirement in completed years (40–70). */
  public static int divisor(int ageYears) {
    if (ageYears < 40 || ageYears > 70) throw new InsuranceRefusals.InvalidCalculation("retirementAge");
    return DIVISORS[ageYears - 40];
  }

  /** Every input and intermediate figure, so a page can show how the amount came about. */
  public record Estimate(long averageWageCents, BigDecimal averageIndex, long indexedWageCents, int contributionMonths,
                         long basicCents, long accountBalanceCents, int ageYears, int divisor, long accountCents,
                         long totalCents, List<String> basis) {}

  /**
   * @param averageWageCents the provincial average monthly wage of the year before retirement
   * @param averageIndex the person's average contribution index (base ÷ that year's average, averaged over months)
   * @param contributionMonths contribution months, transferred periods included
   * @param accountBalanceCents the personal account at retirement
   * @param ageYears age at retirement in completed years (months beyond a full year do not change the divisor here)
   */
  public static Estimate estimate(long averageWageCents, BigDecimal averageIndex, int contributionMonths,
                                  long accountBalanceCents, int ageYears) {
    if (averageWageCents <= 0 || averageWageCents > 100_000_000L) throw new InsuranceRefusals.InvalidCalculation("averageWage");
    if (averageIndex.signum() < 0 || averageIndex.compareTo(BigDecimal.valueOf(3)) > 0) {
      throw new InsuranceRefusals.InvalidCalculation("averageIndex");
    }
    if (contributionMonths < 0 || contributionMonths > 12 * 60) throw new InsuranceRefusals.InvalidCalculation("contributionMonths");
    if (accountBalanceCents < 0 || accountBalanceCents > 10_000_000_000L) throw new InsuranceRefusals.InvalidCalculation("accountBalance");
    var avg = BigDecimal.valueOf(averageWageCents);
    var indexed = avg.multiply(averageIndex);
    var years = BigDecimal.valueOf(contributionMonths).divide(BigDecimal.valueOf(12), 10, RoundingMode.HALF_UP);
    var basic = avg.add(indexed).divide(BigDecimal.valueOf(2), 10, RoundingMode.HALF_UP).multiply(years)
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
    int divisor = divisor(ageYears);
    var account = BigDecimal.valueOf(accountBalanceCents).divide(BigDecimal.valueOf(divisor), 0, RoundingMode.HALF_UP);
    return new Estimate(averageWageCents, averageIndex, indexed.setScale(0, RoundingMode.HALF_UP).longValueExact(),
        contributionMonths, basic.longValueExact(), accountBalanceCents, ageYears, divisor, account.longValueExact(),
        basic.longValueExact() + account.longValueExact(),
        List.of("国发〔2005〕38号第六条：基础养老金月标准以当地上年度在岗职工月平均工资和本人指数化月平均缴费工资的平均值为基数，缴费每满1年发给1%",
            "国发〔2005〕38号第六条：个人账户养老金月标准为个人账户储存额除以计发月数，计发月数按退休年龄查附件表（" + ageYears
                + "岁：" + divisor + "个月）"));
  }
}
