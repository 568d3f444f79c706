package org.tongban.insurance;

/**
 * How many months of 失业保险金 a period of paid contributions gives (社会保险法 art. 46, 失业保险条例 art. 17): at least
 * one year paid by the employer and the person; one to under five years → at most 12 months, five to under ten → 18,
 * ten or more → 24. After re-employment the paid time counts anew, and the months of this period are combined with the
 * months of the previous period not yet drawn, never above 24.
 */
public final class UnemploymentBenefitTerm {

  private UnemploymentBenefitTerm() {}

  /** {@code months} 0 when less than a year was paid. */
  public record Result(int paidMonths, int unexhaustedMonths, int monthsForThisPeriod, int months, boolean eligible,
                       String basis) {}

  public static Result of(int paidMonths, int unexhaustedMonths) {
    if (paidMonths < 0 || paidMonths > 12 * 60 || unexhaustedMonths < 0 || unexhaustedMonths > 24) {
      throw new InsuranceRefusals.InvalidCalculation(paidMonths < 0 || paidMonths > 720 ? "paidMonths" : "unexhaustedMonths");
    }
    int forThis = paidMonths < 12 ? 0 : paidMonths < 60 ? 12 : paidMonths < 120 ? 18 : 24;
    int months = Math.min(forThis + unexhaustedMonths, 24);
    String basis = "《中华人民共和国社会保险法》第四十六条、《失业保险条例》第十七条：累计缴费满1年不足5年最长12个月，"
        + "满5年不足10年最长18个月，10年以上最长24个月；与前次未领完的期限合并计算，最长不超过24个月";
    if (paidMonths < 12) {
      basis = "《中华人民共和国社会保险法》第四十五条：失业前用人单位和本人已经缴纳失业保险费满一年（本期缴费" + paidMonths
          + "个月）" + (unexhaustedMonths > 0 ? "；前次未领完的" + unexhaustedMonths + "个月可以合并领取（第四十六条）" : "");
    }
    return new Result(paidMonths, unexhaustedMonths, forThis, months, months > 0, basis);
  }
}
