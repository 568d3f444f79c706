package org.tongban.insurance.internal.web;

import java.time.YearMonth;
import java.util.Base64;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.insurance.Awards;
import org.tongban.insurance.Cards;
import org.tongban.insurance.ContributionRecord;
import org.tongban.insurance.Declarations;
import org.tongban.insurance.ElectronicCards;
import org.tongban.insurance.Enrolments;
import org.tongban.insurance.Insurance;
import org.tongban.insurance.InsuranceRefusals;
import org.tongban.insurance.Pensions;
import org.tongban.insurance.UnemploymentBenefits;
import org.tongban.shared.QrCode;
import org.tongban.shared.Refusal;

/**
 * 我的社保: the resident's record (months per insurance, arrears, the personal account by year), enrolling as a
 * flexible worker where they work, paying a flexible month, the card with its electronic code, and the benefits the
 * record gives (失业保险金, 基本养老金) with every rule shown and the claim one click away.
 */
@Controller
class MyInsurancePages {

  private final Enrolments enrolments;
  private final Declarations declarations;
  private final ContributionRecord record;
  private final Cards cards;
  private final ElectronicCards ecards;
  private final Awards awards;
  private final UnemploymentBenefits unemployment;
  private final Pensions pensions;
  private final MessageSource messages;
  private final org.tongban.insurance.Qualifications qualifications;

  MyInsurancePages(org.tongban.insurance.Qualifications qualifications, Enrolments enrolments, Declarations declarations, ContributionRecord record, Cards cards,
                   ElectronicCards ecards, Awards awards, UnemploymentBenefits unemployment, Pensions pensions,
                   MessageSource messages) {
    this.qualifications = qualifications;
    this.enrolments = enrolments;
    this.declarations = declarations;
    this.record = record;
    this.cards = cards;
    this.ecards = ecards;
    this.awards = awards;
    this.unemployment = unemployment;
    this.pensions = pensions;
    this.messages = messages;
  }

  @GetMapping("/my/insurance")
  String mine(Model model) {
    var person = enrolments.myPersonId();
    var enrolled = enrolments.of(person);
    model.addAttribute("enrolments", enrolled);
    model.addAttribute("accounts", record.accounts(person).values());
    model.addAttribute("pensionAccount", record.pensionAccount(person));
    model.addAttribute("card", cards.inForce(person).orElse(null));
    model.addAttribute("cards", cards.of(person));
    model.addAttribute("awards", awards.of(person));
    model.addAttribute("pensioner", awards.active(person, "PENSION").isPresent());
    model.addAttribute("qualification", qualifications.current(person).orElse(null));
    model.addAttribute("flexible", enrolled.stream().anyMatch(e -> e.to() == null && e.scheme().equals("FLEXIBLE")));
    model.addAttribute("thisMonth", YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")));
    model.addAttribute("flexibleInsurances", java.util.Arrays.stream(Insurance.values()).filter(Insurance::flexible).toList());
    return "insurance/mine";
  }

  @PostMapping("/my/insurance/flexible")
  String enrolFlexible(@RequestParam(required = false) @Nullable String workPlace,
                       @RequestParam(required = false) @Nullable Set<String> insurances, RedirectAttributes redirect) {
    return act(redirect, "insurance.mine.enrolled", () -> enrolments.enrolFlexible(workPlace, MyInsuranceApi.parse(insurances)));
  }

  @PostMapping("/my/insurance/flexible/end")
  String endFlexible(RedirectAttributes redirect) {
    return act(redirect, "insurance.mine.flexible-ended", enrolments::endFlexible);
  }

  @PostMapping("/my/insurance/contributions")
  String pay(@RequestParam(required = false) @Nullable YearMonth month, @RequestParam(required = false) @Nullable String base,
             RedirectAttributes redirect) {
    return act(redirect, "insurance.mine.paid", () -> declarations.payOwnMonth(month, base));
  }

  @PostMapping("/my/insurance/qualification")
  String qualify(RedirectAttributes redirect) {
    return act(redirect, "insurance.qualification.done", qualifications::confirmOnline);
  }

  @PostMapping("/my/insurance/card/activate")
  String activate(RedirectAttributes redirect) {
    return act(redirect, "insurance.card.activated", cards::activate);
  }

  @PostMapping("/my/insurance/card/lost")
  String lost(@RequestParam(defaultValue = "false") boolean formal, RedirectAttributes redirect) {
    return act(redirect, formal ? "insurance.card.lost-formally" : "insurance.card.lost-temporarily",
        formal ? cards::reportLostFormally : cards::reportLostOnline);
  }

  @PostMapping("/my/insurance/card/found")
  String found(RedirectAttributes redirect) {
    return act(redirect, "insurance.card.found-done", cards::found);
  }

  /** The electronic card: a fresh code as a QR for minutes; refused (and said why) while the card is not usable. */
  @GetMapping("/my/insurance/card/electronic")
  String electronic(Model model, RedirectAttributes redirect) {
    try {
      var code = ecards.show();
      model.addAttribute("code", code);
      model.addAttribute("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(new QrCode(code.jws()).png(320)));
      return "insurance/electronic-card";
    } catch (Refusal refusal) {
      Outcomes.refused(refusal, redirect, messages);
      return "redirect:/my/insurance";
    }
  }

  @GetMapping("/my/insurance/unemployment")
  String unemployment(Model model) {
    model.addAttribute("assessment", unemployment.mine());
    return "insurance/unemployment";
  }

  @PostMapping("/my/insurance/unemployment")
  String claimUnemployment(@RequestParam(required = false) @Nullable String bankAccount,
                           @RequestParam(required = false) @Nullable String contactPhone,
                           @RequestParam(required = false) @Nullable String submission, RedirectAttributes redirect) {
    try {
      var filed = unemployment.claim(bankAccount, contactPhone, submission);
      return "redirect:/my/cases/" + filed.id() + "?submitted";
    } catch (Refusal refusal) {
      Outcomes.refused(refusal, redirect, messages);
      return "redirect:/my/insurance/unemployment";
    }
  }

  @GetMapping("/my/insurance/pension")
  String pension(@RequestParam(required = false) @Nullable Integer originalAge,
                 @RequestParam(required = false) @Nullable YearMonth retireMonth, Model model) {
    model.addAttribute("originalAge", originalAge);
    model.addAttribute("retireMonth", retireMonth);
    if (originalAge != null) {
      try {
        model.addAttribute("assessment", pensions.mine(originalAge, retireMonth));
      } catch (InsuranceRefusals.InvalidCalculation wrong) {
        model.addAttribute("wrong", "insurance.calc.wrong." + wrong.arguments()[0]);
      }
    }
    return "insurance/pension";
  }

  @PostMapping("/my/insurance/pension")
  String claimPension(@RequestParam(defaultValue = "60") int originalAge,
                      @RequestParam(required = false) @Nullable YearMonth retireMonth,
                      @RequestParam(required = false) @Nullable String bankAccount,
                      @RequestParam(required = false) @Nullable String contactPhone,
                      @RequestParam(required = false) @Nullable String submission, RedirectAttributes redirect) {
    try {
      var filed = pensions.claim(originalAge, retireMonth, bankAccount, contactPhone, submission);
      return "redirect:/my/cases/" + filed.id() + "?submitted";
    } catch (Refusal refusal) {
      Outcomes.refused(refusal, redirect, messages);
      return "redirect:/my/insurance/pension?originalAge=" + originalAge;
    }
  }

  private String act(RedirectAttributes redirect, String done, Runnable work) {
    Outcomes.attempt(redirect, messages, done, work);
    return "redirect:/my/insurance";
  }
}
