package org.tongban.insurance.internal.web;

import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.insurance.Awards;
import org.tongban.insurance.BankFiles;
import org.tongban.insurance.Cards;
import org.tongban.insurance.ContributionRecord;
import org.tongban.insurance.Corrections;
import org.tongban.insurance.Enrolments;
import org.tongban.insurance.Insurance;
import org.tongban.insurance.PaymentRuns;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;
import org.tongban.shared.Refusal;

/**
 * 社保经办 at the workbench: a person's ledger found by ID number within the officer's jurisdiction, a card's loss
 * reported for a caller (12333) or at the window with the identity check made, corrections proposed and approved by a
 * second officer, and the month's payment run, bank file and the bank's return.
 */
@Controller
class StaffInsurancePages {

  private final Residents residents;
  private final Enrolments enrolments;
  private final ContributionRecord record;
  private final Cards cards;
  private final Awards awards;
  private final Corrections corrections;
  private final PaymentRuns runs;
  private final BankFiles files;
  private final MessageSource messages;
  private final org.tongban.insurance.Qualifications qualifications;

  StaffInsurancePages(org.tongban.insurance.Qualifications qualifications, Residents residents, Enrolments enrolments, ContributionRecord record, Cards cards, Awards awards,
                      Corrections corrections, PaymentRuns runs, BankFiles files, MessageSource messages) {
    this.qualifications = qualifications;
    this.residents = residents;
    this.enrolments = enrolments;
    this.record = record;
    this.cards = cards;
    this.awards = awards;
    this.corrections = corrections;
    this.runs = runs;
    this.files = files;
    this.messages = messages;
  }

  @GetMapping("/workbench/insurance")
  String page(@RequestParam(required = false) @Nullable String idNumber, Model model) {
    model.addAttribute("idNumber", idNumber);
    model.addAttribute("thisMonth", YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")));
    model.addAttribute("corrections", corrections.open());
    model.addAttribute("paymentProblems", files.problems(100));
    model.addAttribute("insurances", Insurance.values());
    if (idNumber != null && !idNumber.isBlank()) {
      try {
        var found = residents.lookup(new IdNumber(idNumber.strip().toUpperCase()))
            .map(r -> residents.view(r.id())).orElse(null);
        if (found == null) {
          model.addAttribute("notFound", true);
        } else {
          var person = found.id().value();
          model.addAttribute("person", found);
          model.addAttribute("enrolments", enrolments.of(person));
          model.addAttribute("accounts", record.accounts(person).values());
          model.addAttribute("entries", record.entries(person, null, 200));
          model.addAttribute("cards", cards.of(person));
          model.addAttribute("awards", awards.of(person));
        }
      } catch (Refusal outside) {
        model.addAttribute("notFound", true);
      }
    }
    return "insurance/workbench";
  }

  @PostMapping("/workbench/insurance/loss-report")
  String lossReport(@RequestParam(required = false) @Nullable String idNumber,
                    @RequestParam(defaultValue = "PHONE") Cards.Channel channel,
                    @RequestParam(required = false) @Nullable String identityCheck, RedirectAttributes redirect) {
    return act(redirect, "insurance.staff.loss-reported", () -> {
      var person = residents.lookup(new IdNumber(idNumber == null ? "" : idNumber.strip().toUpperCase()))
          .orElseThrow(org.tongban.insurance.InsuranceRefusals.CardNotFound::new);
      cards.reportLostFor(person.id().value(), channel, identityCheck);
    });
  }

  @PostMapping("/workbench/insurance/qualification")
  String qualify(@RequestParam(required = false) @Nullable String idNumber,
                 @RequestParam(required = false) @Nullable String evidence, RedirectAttributes redirect) {
    return act(redirect, "insurance.qualification.staff-done", () -> {
      var person = residents.lookup(new IdNumber(idNumber == null ? "" : idNumber.strip().toUpperCase()))
          .orElseThrow(org.tongban.insurance.InsuranceRefusals.PersonNotFound::new);
      qualifications.confirmByStaff(person.id().value(), evidence);
    });
  }

  @PostMapping("/workbench/insurance/corrections")
  String propose(@RequestParam(required = false) @Nullable String idNumber,
                 @RequestParam(required = false) @Nullable String insurance,
                 @RequestParam(required = false) @Nullable YearMonth month,
                 @RequestParam(required = false) @Nullable String employer,
                 @RequestParam(required = false) @Nullable String individual,
                 @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
    return act(redirect, "insurance.staff.correction-proposed", () -> {
      var person = residents.lookup(new IdNumber(idNumber == null ? "" : idNumber.strip().toUpperCase()))
          .orElseThrow(org.tongban.insurance.InsuranceRefusals.PersonNotFound::new);
      corrections.propose(person.id().value(), Insurance.parse(String.valueOf(insurance)), month,
          InsuranceStaffApi.signedCents(employer), InsuranceStaffApi.signedCents(individual), reason);
    });
  }

  @PostMapping("/workbench/insurance/corrections/{id}/decision")
  String decide(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean approve, RedirectAttributes redirect) {
    try {
      corrections.decide(id, approve);
      Outcomes.done(approve ? "insurance.staff.correction-approved" : "insurance.staff.correction-refused", redirect);
    } catch (Refusal refusal) {
      if (refusal.status() == 404) throw refusal; // outside the jurisdiction: not found, as everywhere
      Outcomes.refused(refusal, redirect, messages);
    }
    return "redirect:/workbench/insurance";
  }

  @PostMapping("/workbench/insurance/payment-run")
  String run(@RequestParam(required = false) @Nullable YearMonth month, RedirectAttributes redirect) {
    try {
      var run = runs.run(month);
      Outcomes.done("insurance.staff.run-done", redirect, run.month().toString(), run.created());
    } catch (Refusal refusal) {
      Outcomes.refused(refusal, redirect, messages);
    }
    return "redirect:/workbench/insurance";
  }

  @PostMapping("/workbench/insurance/bank-file")
  String export(@RequestParam(required = false) @Nullable YearMonth month, RedirectAttributes redirect) {
    try {
      var file = files.export(month);
      Outcomes.done("insurance.staff.file-exported", redirect, file.lines(), file.held());
      redirect.addFlashAttribute("bankFile", file);
    } catch (Refusal refusal) {
      Outcomes.refused(refusal, redirect, messages);
    }
    return "redirect:/workbench/insurance";
  }

  @PostMapping("/workbench/insurance/bank-files/{id}/return")
  String settle(@PathVariable UUID id, @RequestParam(required = false) @Nullable String content,
                RedirectAttributes redirect) {
    try {
      var returned = files.settle(id, content);
      Outcomes.done("insurance.staff.file-returned", redirect, returned.paid(), returned.failed());
    } catch (Refusal refusal) {
      if (refusal.status() == 404) throw refusal;
      Outcomes.refused(refusal, redirect, messages);
    }
    return "redirect:/workbench/insurance";
  }

  private String act(RedirectAttributes redirect, String done, Runnable work) {
    // An ID number that is not one is a refusal like the others (IdNumber.InvalidIdNumber).
    Outcomes.attempt(redirect, messages, done, work);
    // Never the ID number in a redirect's address (it would land in logs): the officer looks the person up again.
    return "redirect:/workbench/insurance";
  }
}
