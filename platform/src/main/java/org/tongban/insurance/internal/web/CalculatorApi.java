package org.tongban.insurance.internal.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.insurance.InsuranceRefusals.InvalidCalculation;
import org.tongban.insurance.MinimumContribution;
import org.tongban.insurance.PensionFormula;
import org.tongban.insurance.RetirementAge;
import org.tongban.insurance.UnemploymentBenefitTerm;
import org.tongban.shared.Yuan;

/**
 * The public calculators a 12333 portal offers, without sign-in: statutory retirement age, minimum contribution period,
 * months of unemployment benefit, and a pension estimate from stated inputs. Each answer names the rule it used.
 */
@RestController
@RequestMapping("/api/insurance/calculators")
class CalculatorApi {

  /** Statutory retirement age and month from the original age (60 / 55 / 50) and the birth month ("1965-03"). */
  @GetMapping("/retirement-age")
  RetirementAge.Result retirementAge(@RequestParam int originalAge, @RequestParam String birthMonth) {
    return RetirementAge.of(RetirementAge.Original.of(originalAge), month(birthMonth));
  }

  /** The minimum contribution period for a pension starting in {@code year}. */
  @GetMapping("/minimum-contribution")
  MinimumContribution.Result minimumContribution(@RequestParam int year) {
    return MinimumContribution.forYear(year);
  }

  /** Months of 失业保险金 from the months paid in this period and the months left unclaimed from a previous one. */
  @GetMapping("/unemployment-benefit-months")
  UnemploymentBenefitTerm.Result unemploymentMonths(@RequestParam int paidMonths,
                                                    @RequestParam(defaultValue = "0") int unexhaustedMonths) {
    return UnemploymentBenefitTerm.of(paidMonths, unexhaustedMonths);
  }

  /** A pension estimate: money in yuan; {@code averageIndex} like 1.2; amounts in the answer are in fen. */
  @GetMapping("/pension")
  PensionFormula.Estimate pension(@RequestParam String averageWage, @RequestParam String averageIndex,
                                  @RequestParam int contributionMonths, @RequestParam String accountBalance,
                                  @RequestParam int retirementAge) {
    return PensionFormula.estimate(yuan(averageWage, "averageWage"), index(averageIndex), contributionMonths,
        yuan(accountBalance, "accountBalance"), retirementAge);
  }

  static YearMonth month(@Nullable String typed) {
    try {
      return YearMonth.parse(typed == null ? "" : typed.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidCalculation("birthMonth");
    }
  }

  static long yuan(@Nullable String typed, String field) {
    if (typed != null && typed.strip().equals("0")) return 0;
    return Yuan.cents(typed, 100_000_000L).orElseThrow(() -> new InvalidCalculation(field));
  }

  static BigDecimal index(@Nullable String typed) {
    try {
      var v = new BigDecimal(typed == null ? "" : typed.strip());
      if (v.scale() > 4) throw new InvalidCalculation("averageIndex");
      return v;
    } catch (NumberFormatException e) {
      throw new InvalidCalculation("averageIndex");
    }
  }
}
