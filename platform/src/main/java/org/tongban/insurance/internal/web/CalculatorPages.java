package org.tongban.insurance.internal.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.insurance.InsuranceRefusals.InvalidCalculation;
import org.tongban.insurance.MinimumContribution;
import org.tongban.insurance.PensionFormula;
import org.tongban.insurance.RetirementAge;
import org.tongban.insurance.UnemploymentBenefitTerm;

/** The calculators as one page: each form answers below itself, with the rule; a wrong input is named next to it. */
@Controller
class CalculatorPages {

  @GetMapping("/insurance/calculators")
  String page(@RequestParam(required = false) @Nullable String calc,
              @RequestParam(required = false) @Nullable Integer originalAge,
              @RequestParam(required = false) @Nullable String birthMonth,
              @RequestParam(required = false) @Nullable Integer year,
              @RequestParam(required = false) @Nullable Integer paidMonths,
              @RequestParam(required = false) @Nullable Integer unexhaustedMonths,
              @RequestParam(required = false) @Nullable String averageWage,
              @RequestParam(required = false) @Nullable String averageIndex,
              @RequestParam(required = false) @Nullable Integer contributionMonths,
              @RequestParam(required = false) @Nullable String accountBalance,
              @RequestParam(required = false) @Nullable Integer retirementAge, Model model) {
    model.addAttribute("calc", calc);
    model.addAttribute("originalAge", originalAge);
    model.addAttribute("birthMonth", birthMonth);
    model.addAttribute("year", year);
    model.addAttribute("paidMonths", paidMonths);
    model.addAttribute("unexhaustedMonths", unexhaustedMonths);
    model.addAttribute("averageWage", averageWage);
    model.addAttribute("averageIndex", averageIndex);
    model.addAttribute("contributionMonths", contributionMonths);
    model.addAttribute("accountBalance", accountBalance);
    model.addAttribute("retirementAge", retirementAge);
    try {
      switch (calc == null ? "" : calc) {
        case "retirement" -> model.addAttribute("retirement", RetirementAge.of(
            RetirementAge.Original.of(originalAge == null ? 0 : originalAge), CalculatorApi.month(birthMonth)));
        case "minimum" -> model.addAttribute("minimum", MinimumContribution.forYear(year == null ? 0 : year));
        case "unemployment" -> model.addAttribute("unemployment", UnemploymentBenefitTerm.of(
            paidMonths == null ? -1 : paidMonths, unexhaustedMonths == null ? 0 : unexhaustedMonths));
        case "pension" -> model.addAttribute("pension", PensionFormula.estimate(
            CalculatorApi.yuan(averageWage, "averageWage"), CalculatorApi.index(averageIndex),
            contributionMonths == null ? -1 : contributionMonths, CalculatorApi.yuan(accountBalance, "accountBalance"),
            retirementAge == null ? 0 : retirementAge));
        default -> { }
      }
    } catch (InvalidCalculation wrong) {
      model.addAttribute("wrongField", wrong.arguments().length > 0 ? wrong.arguments()[0] : "");
    }
    return "insurance/calculators";
  }
}
