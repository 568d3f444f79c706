package org.tongban.insurance;

/**
 * 按月领取基本养老金最低缴费年限 (art. 4 of 《国务院关于渐进式延迟法定退休年龄的办法》 and its annex 4): fifteen years
 * until 2029; from 1 January 2030 six months more each year, reaching twenty years in 2039 and staying there.
 * Before 2030 it is the fifteen years of 社会保险法 art. 16.
 */
public final class MinimumContribution {

  private MinimumContribution() {}

  /** The minimum for someone retiring in {@code year}, in months, with the rule that set it. */
  public record Result(int year, int months, String basis) {
    public String text() {
      return months % 12 == 0 ? months / 12 + "年" : months / 12 + "年" + months % 12 + "个月";
    }
  }

  public static Result forYear(int year) {
    if (year < 1990 || year > 2100) throw new InsuranceRefusals.InvalidCalculation("year");
    if (year < 2030) return new Result(year, 180, "《中华人民共和国社会保险法》第十六条：累计缴费满十五年");
    int months = Math.min(180 + (year - 2029) * 6, 240);
    return new Result(year, months, "《国务院关于渐进式延迟法定退休年龄的办法》第四条、附件4：自2030年1月1日起每年提高6个月，提高至20年");
  }
}
