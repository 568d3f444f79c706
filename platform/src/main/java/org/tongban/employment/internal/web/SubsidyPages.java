package org.tongban.employment.internal.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.employment.EmploymentRefusals;
import org.tongban.employment.Subsidies;
import org.tongban.employment.SubsidyKind;
import org.tongban.employment.SubsidyStandards;

/**
 * Subsidies with computed eligibility: a unit's for one of its hires (一次性吸纳就业补贴, 社会保险补贴, 公益性岗位补贴),
 * a resident's own (职业培训补贴, 一次性创业补贴), and the cities' standards the labour bureau enters.
 */
@Controller
class SubsidyPages {

  private static final List<SubsidyKind> FOR_HIRE = Arrays.stream(SubsidyKind.values()).filter(SubsidyKind::forHire)
      .toList();
  private static final List<SubsidyKind> FOR_ME = Arrays.stream(SubsidyKind.values()).filter(k -> !k.forHire())
      .toList();

  private final Subsidies subsidies;
  private final SubsidyStandards standards;

  SubsidyPages(Subsidies subsidies, SubsidyStandards standards) {
    this.subsidies = subsidies;
    this.standards = standards;
  }

  @GetMapping("/my/units/hires/{application}/subsidy")
  String forHire(@PathVariable UUID application, @RequestParam(defaultValue = "hiring") String kind, Model model) {
    var k = SubsidyKind.ofSlug(kind);
    model.addAttribute("application", application);
    model.addAttribute("kinds", FOR_HIRE);
    model.addAttribute("check", subsidies.forHire(k, application));
    return "jobs/subsidy";
  }

  @PostMapping("/my/units/hires/{application}/subsidy")
  String claimForHire(@PathVariable UUID application, @RequestParam(defaultValue = "hiring") String kind,
                      @RequestParam(required = false) @Nullable String bankAccount,
                      @RequestParam(required = false) @Nullable String contactPhone,
                      @RequestParam(required = false) @Nullable String submission, Model model) {
    try {
      var filed = subsidies.claimForHire(SubsidyKind.ofSlug(kind), application, bankAccount, contactPhone, submission);
      return "redirect:/my/cases/" + filed.id() + "?submitted";
    } catch (Subsidies.NotEligible refused) {
      model.addAttribute("notEligible", true);
      return forHire(application, kind, model);
    }
  }

  @GetMapping("/my/subsidies")
  String mine(@RequestParam(defaultValue = "training") String kind,
              @RequestParam(required = false) @Nullable String course,
              @RequestParam(required = false) @Nullable LocalDate certifiedOn, Model model) {
    var k = SubsidyKind.ofSlug(kind);
    if (k.forHire()) throw new EmploymentRefusals.UnknownSubsidy(kind);
    model.addAttribute("kinds", FOR_ME);
    model.addAttribute("course", course);
    model.addAttribute("certifiedOn", certifiedOn);
    model.addAttribute("check", subsidies.forMe(k, course, certifiedOn));
    return "jobs/my-subsidies";
  }

  @PostMapping("/my/subsidies")
  String claimForMe(@RequestParam(defaultValue = "training") String kind,
                    @RequestParam(required = false) @Nullable String course,
                    @RequestParam(required = false) @Nullable LocalDate certifiedOn,
                    @RequestParam(required = false) @Nullable String bankAccount,
                    @RequestParam(required = false) @Nullable String contactPhone,
                    @RequestParam(required = false) @Nullable String submission, Model model) {
    try {
      var filed = subsidies.claimForMe(SubsidyKind.ofSlug(kind), course, certifiedOn, bankAccount, contactPhone,
          submission);
      return "redirect:/my/cases/" + filed.id() + "?submitted";
    } catch (Subsidies.NotEligible refused) {
      model.addAttribute("notEligible", true);
      return mine(kind, course, certifiedOn, model);
    }
  }

  @GetMapping("/workbench/subsidy-standards")
  String standards(Model model) {
    model.addAttribute("standards", standards.list());
    model.addAttribute("kinds", SubsidyKind.values());
    return "jobs/subsidy-standards";
  }

  @PostMapping("/workbench/subsidy-standards")
  String enter(@RequestParam(required = false) @Nullable String city, @RequestParam(required = false) @Nullable String kind,
               @RequestParam(required = false) @Nullable String amount,
               @RequestParam(required = false) @Nullable Boolean monthly,
               @RequestParam(required = false) @Nullable Integer maxMonths,
               @RequestParam(required = false) @Nullable String notice,
               @RequestParam(required = false) @Nullable LocalDate effectiveFrom, RedirectAttributes redirect) {
    try {
      standards.record(city == null ? "" : city, kind == null ? null : SubsidyKind.ofSlug(kind), amount,
          Boolean.TRUE.equals(monthly), maxMonths, notice, effectiveFrom);
      redirect.addFlashAttribute("done", "job.standard.entered");
    } catch (EmploymentRefusals.InvalidSubsidyStandard | EmploymentRefusals.UnknownSubsidy refusal) {
      redirect.addFlashAttribute("problem", "problem." + refusal.code());
    }
    return "redirect:/workbench/subsidy-standards";
  }

  @GetMapping("/api/job-applications/{id}/subsidies/{kind}")
  @ResponseBody
  Subsidies.Check apiForHire(@PathVariable UUID id, @PathVariable String kind) {
    return subsidies.forHire(SubsidyKind.ofSlug(kind), id);
  }

  record ClaimRequest(@Nullable String bankAccount, @Nullable String contactPhone, @Nullable String course,
                      @Nullable LocalDate certifiedOn) {}

  /** Files a unit's claim when every rule is met (400 naming the failed rules otherwise); Idempotency-Key honoured. */
  @PostMapping("/api/job-applications/{id}/subsidies/{kind}")
  @ResponseBody
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, String> apiClaimForHire(@PathVariable UUID id, @PathVariable String kind,
                                      @RequestBody(required = false) @Nullable ClaimRequest request,
                                      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
    var filed = subsidies.claimForHire(SubsidyKind.ofSlug(kind), id, request == null ? null : request.bankAccount(),
        request == null ? null : request.contactPhone(), key);
    return Map.of("case", filed.id().toString(), "number", filed.number());
  }

  @GetMapping("/api/me/subsidies/{kind}")
  @ResponseBody
  Subsidies.Check apiForMe(@PathVariable String kind, @RequestParam(required = false) @Nullable String course,
                           @RequestParam(required = false) @Nullable LocalDate certifiedOn) {
    return subsidies.forMe(SubsidyKind.ofSlug(kind), course, certifiedOn);
  }

  /** Files the resident's own claim when every rule is met; Idempotency-Key honoured. */
  @PostMapping("/api/me/subsidies/{kind}")
  @ResponseBody
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, String> apiClaimForMe(@PathVariable String kind, @RequestBody(required = false) @Nullable ClaimRequest r,
                                    @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
    var filed = subsidies.claimForMe(SubsidyKind.ofSlug(kind), r == null ? null : r.course(),
        r == null ? null : r.certifiedOn(), r == null ? null : r.bankAccount(), r == null ? null : r.contactPhone(), key);
    return Map.of("case", filed.id().toString(), "number", filed.number());
  }

  @GetMapping("/api/subsidy-standards")
  @ResponseBody
  List<SubsidyStandards.Standard> apiStandards() {
    return standards.list();
  }

  /** A city's standard as its notice sets it: {@code kind} is hiring, social-insurance, public-welfare, training or startup. */
  record StandardRequest(@Nullable String city, @Nullable String kind, @Nullable String amount, @Nullable Boolean monthly,
                         @Nullable Integer maxMonths, @Nullable String notice, @Nullable LocalDate effectiveFrom) {}

  @PostMapping("/api/subsidy-standards")
  @ResponseBody
  @ResponseStatus(HttpStatus.CREATED)
  SubsidyStandards.Standard apiEnter(@RequestBody StandardRequest r) {
    return standards.record(r.city() == null ? "" : r.city(), r.kind() == null ? null : SubsidyKind.ofSlug(r.kind()),
        r.amount(), Boolean.TRUE.equals(r.monthly()), r.maxMonths(), r.notice(), r.effectiveFrom());
  }
}
