package org.tongban.employment.internal.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.tongban.employment.HiringSubsidies;

/** 一次性吸纳就业补贴 for a hire: the rules as the platform finds them, and the claim in the unit's name. */
@Controller
class SubsidyPages {

  private final HiringSubsidies subsidies;

  SubsidyPages(HiringSubsidies subsidies) {
    this.subsidies = subsidies;
  }

  @GetMapping("/my/units/hires/{application}/subsidy")
  String rules(@PathVariable UUID application, Model model) {
    model.addAttribute("application", application);
    model.addAttribute("rules", subsidies.check(application));
    return "jobs/subsidy";
  }

  @PostMapping("/my/units/hires/{application}/subsidy")
  String claim(@PathVariable UUID application, @RequestParam(required = false) @Nullable String bankAccount,
               @RequestParam(required = false) @Nullable String contactPhone,
               @RequestParam(required = false) @Nullable String submission, Model model) {
    try {
      var filed = subsidies.claim(application, bankAccount, contactPhone, submission);
      return "redirect:/my/cases/" + filed.id() + "?submitted";
    } catch (HiringSubsidies.NotEligible refused) {
      model.addAttribute("notEligible", true);
      return rules(application, model);
    }
  }

  @GetMapping("/api/job-applications/{id}/hiring-subsidy")
  @ResponseBody
  List<HiringSubsidies.Rule> apiRules(@PathVariable UUID id) {
    return subsidies.check(id);
  }

  record ClaimRequest(@Nullable String bankAccount, @Nullable String contactPhone) {}

  /** Files the claim when every rule is met (400 naming the failed rules otherwise); Idempotency-Key honoured. */
  @PostMapping("/api/job-applications/{id}/hiring-subsidy")
  @ResponseBody
  @ResponseStatus(HttpStatus.CREATED)
  Object apiClaim(@PathVariable UUID id, @RequestBody(required = false) @Nullable ClaimRequest request,
                  @org.springframework.web.bind.annotation.RequestHeader(name = "Idempotency-Key", required = false)
                  @Nullable String key) {
    var filed = subsidies.claim(id, request == null ? null : request.bankAccount(),
        request == null ? null : request.contactPhone(), key);
    return java.util.Map.of("case", filed.id().toString(), "number", filed.number());
  }
}
