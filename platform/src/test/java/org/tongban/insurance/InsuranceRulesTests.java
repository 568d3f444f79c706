package org.tongban.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongban.insurance.RetirementAge.Original;

/**
 * The rules computed without a database, each against the worked examples of its source:
 * the retirement tables of 《国务院关于渐进式延迟法定退休年龄的办法》 annexes 1–4 (month by month at their edges),
 * 社会保险法 art. 46 / 失业保险条例 art. 17, 国发〔2005〕38号 and the 1997 account formula.
 */
class InsuranceRulesTests {

  private static void retires(Original original, String born, int years, int months, String month) {
    var r = RetirementAge.of(original, YearMonth.parse(born));
    assertThat(r.age()).as(original + " born " + born).isEqualTo(new RetirementAge.Age(years, months));
    assertThat(r.month()).as(original + " born " + born).isEqualTo(YearMonth.parse(month));
  }

  @Test
  void menFollowAnnexOne() {
    // 附件1: born 1964-12 and earlier keep 60; 1965-01..04 → 60岁1个月 (2025-02..05); 1965-05..08 → 60岁2个月
    // (2025-07..10); 1976-09..12 → 63岁 (2039-09..12); later births stay at 63.
    retires(Original.MEN_60, "1964-12", 60, 0, "2024-12");
    retires(Original.MEN_60, "1965-01", 60, 1, "2025-02");
    retires(Original.MEN_60, "1965-04", 60, 1, "2025-05");
    retires(Original.MEN_60, "1965-05", 60, 2, "2025-07");
    retires(Original.MEN_60, "1965-08", 60, 2, "2025-10");
    retires(Original.MEN_60, "1965-09", 60, 3, "2025-12");
    retires(Original.MEN_60, "1976-08", 62, 11, "2039-07");
    retires(Original.MEN_60, "1976-09", 63, 0, "2039-09");
    retires(Original.MEN_60, "1976-12", 63, 0, "2039-12");
    retires(Original.MEN_60, "1990-06", 63, 0, "2053-06");
  }

  @Test
  void womenOriginallyFiftyFiveFollowAnnexTwo() {
    // 附件2: 1969-12 → 55; 1970-01..04 → 55岁1个月 (2025-02..05); 1981-09..12 → 58岁.
    retires(Original.WOMEN_55, "1969-12", 55, 0, "2024-12");
    retires(Original.WOMEN_55, "1970-01", 55, 1, "2025-02");
    retires(Original.WOMEN_55, "1970-05", 55, 2, "2025-07");
    retires(Original.WOMEN_55, "1981-08", 57, 11, "2039-07");
    retires(Original.WOMEN_55, "1981-09", 58, 0, "2039-09");
  }

  @Test
  void womenOriginallyFiftyFollowAnnexThree() {
    // 附件3: every two months one month: 1975-01..02 → 50岁1个月 (2025-02..03); 1975-03..04 → 50岁2个月
    // (2025-05..06); 1984-11..12 → 55岁 (2039-11..12).
    retires(Original.WOMEN_50, "1974-12", 50, 0, "2024-12");
    retires(Original.WOMEN_50, "1975-01", 50, 1, "2025-02");
    retires(Original.WOMEN_50, "1975-02", 50, 1, "2025-03");
    retires(Original.WOMEN_50, "1975-03", 50, 2, "2025-05");
    retires(Original.WOMEN_50, "1975-04", 50, 2, "2025-06");
    retires(Original.WOMEN_50, "1984-10", 54, 11, "2039-09");
    retires(Original.WOMEN_50, "1984-11", 55, 0, "2039-11");
    retires(Original.WOMEN_50, "1984-12", 55, 0, "2039-12");
  }

  @Test
  void flexibleRetirementStaysWithinThreeYearsAndNeverBelowTheOriginalAge() {
    // 办法 art. 3: up to three years earlier, never below the original age; up to three years later.
    var delayedLittle = RetirementAge.of(Original.MEN_60, YearMonth.of(1966, 1));
    assertThat(delayedLittle.earliestAge()).isEqualTo(new RetirementAge.Age(60, 0));
    assertThat(delayedLittle.latestAge()).isEqualTo(new RetirementAge.Age(63, 4));
    var full = RetirementAge.of(Original.MEN_60, YearMonth.of(1980, 3));
    assertThat(full.earliestAge()).isEqualTo(new RetirementAge.Age(60, 0));
    assertThat(full.latestAge()).isEqualTo(new RetirementAge.Age(66, 0));
    assertThat(full.basis()).anyMatch(b -> b.contains("第二条")).anyMatch(b -> b.contains("第三条"));
  }

  @Test
  void minimumContributionRisesSixMonthsAYearFrom2030() {
    // 附件4: 2030 → 15年6个月, 2031 → 16年, 2039 → 20年; before 2030 fifteen years (社会保险法 art. 16).
    assertThat(MinimumContribution.forYear(2029).months()).isEqualTo(180);
    assertThat(MinimumContribution.forYear(2030).months()).isEqualTo(186);
    assertThat(MinimumContribution.forYear(2030).text()).isEqualTo("15年6个月");
    assertThat(MinimumContribution.forYear(2031).months()).isEqualTo(192);
    assertThat(MinimumContribution.forYear(2038).months()).isEqualTo(234);
    assertThat(MinimumContribution.forYear(2039).months()).isEqualTo(240);
    assertThat(MinimumContribution.forYear(2045).months()).isEqualTo(240);
    assertThat(MinimumContribution.forYear(2025).basis()).contains("第十六条");
    assertThat(MinimumContribution.forYear(2035).basis()).contains("第四条");
  }

  @Test
  void unemploymentBenefitMonthsFollowArticleFortySix() {
    // 社会保险法 art. 46: 1–<5 years → 12, 5–<10 → 18, ≥ 10 → 24; combined with the unexhausted months, ≤ 24.
    assertThat(UnemploymentBenefitTerm.of(11, 0).months()).isZero();
    assertThat(UnemploymentBenefitTerm.of(11, 0).eligible()).isFalse();
    assertThat(UnemploymentBenefitTerm.of(12, 0).months()).isEqualTo(12);
    assertThat(UnemploymentBenefitTerm.of(36, 0).months()).isEqualTo(12);
    assertThat(UnemploymentBenefitTerm.of(59, 0).months()).isEqualTo(12);
    assertThat(UnemploymentBenefitTerm.of(60, 0).months()).isEqualTo(18);
    assertThat(UnemploymentBenefitTerm.of(119, 0).months()).isEqualTo(18);
    assertThat(UnemploymentBenefitTerm.of(120, 0).months()).isEqualTo(24);
    // The 12333 example: three years paid, six months left from before → 12 + 6 = 18.
    assertThat(UnemploymentBenefitTerm.of(36, 6).months()).isEqualTo(18);
    // Ten years paid and ten months left: never above 24.
    assertThat(UnemploymentBenefitTerm.of(130, 10).months()).isEqualTo(24);
    assertThatThrownBy(() -> UnemploymentBenefitTerm.of(12, 25)).isInstanceOf(InsuranceRefusals.InvalidCalculation.class);
  }

  @Test
  void pensionFollowsTheFormulaOf2005() {
    // 国发〔2005〕38号 worked through: average wage 5,000, index 1.0, 35 years, account 100,000 at 60:
    // basic (5000 + 5000) / 2 × 35 × 1 % = 1,750.00; account 100,000 / 139 = 719.42; total 2,469.42.
    var e = PensionFormula.estimate(500_000, BigDecimal.ONE, 420, 10_000_000, 60);
    assertThat(e.basicCents()).isEqualTo(175_000);
    assertThat(e.divisor()).isEqualTo(139);
    assertThat(e.accountCents()).isEqualTo(71_942);
    assertThat(e.totalCents()).isEqualTo(246_942);
    // Index 0.6 and 15 years six months: (5000 + 3000) / 2 × 15.5 × 1 % = 620.00; 55 → divisor 170.
    var low = PensionFormula.estimate(500_000, new BigDecimal("0.6"), 186, 3_400_000, 55);
    assertThat(low.indexedWageCents()).isEqualTo(300_000);
    assertThat(low.basicCents()).isEqualTo(62_000);
    assertThat(low.accountCents()).isEqualTo(20_000);
    assertThat(PensionFormula.divisor(50)).isEqualTo(195);
    assertThat(PensionFormula.divisor(63)).isEqualTo(117);
    assertThatThrownBy(() -> PensionFormula.divisor(71)).isInstanceOf(InsuranceRefusals.InvalidCalculation.class);
  }

  @Test
  void personalAccountEarnsTheYearsRateWithTheHalfYearCoefficient() {
    // 劳办发〔1997〕116号: 10,000 paid in 2023 at 3.97 %: 10,000 × 3.97 % × 1.083 / 2 = 214.98;
    // 2024 at 2.62 %: 10,214.98 × 2.62 % + 10,000 × 2.62 % × 1.083 / 2 = 267.63 + 141.87 → 409.51 (rounded once).
    var years = ContributionRecord.accountYears(Map.of(2023, 1_000_000L, 2024, 1_000_000L), Map.of(2023, 397, 2024, 262),
        2025);
    assertThat(years).hasSize(3);
    assertThat(years.get(0).interestCents()).isEqualTo(21_498);
    assertThat(years.get(0).closingCents()).isEqualTo(1_021_498);
    assertThat(years.get(1).interestCents()).isEqualTo(40_951);
    assertThat(years.get(1).closingCents()).isEqualTo(2_062_449);
    // 2025's rate is not published yet: no interest, said by a null rate.
    assertThat(years.get(2).rateBp()).isNull();
    assertThat(years.get(2).closingCents()).isEqualTo(2_062_449);
  }

  @Test
  void lateFeeDaysStartTheDayAfterTheMonth() {
    assertThat(Declarations.lateDays(YearMonth.of(2026, 10), java.time.LocalDate.of(2026, 10, 31))).isZero();
    assertThat(Declarations.lateDays(YearMonth.of(2026, 10), java.time.LocalDate.of(2026, 11, 1))).isEqualTo(1);
    assertThat(Declarations.lateDays(YearMonth.of(2026, 10), java.time.LocalDate.of(2026, 12, 1))).isEqualTo(31);
  }
}
