package org.tongban.insurance.internal.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.insurance.DisabilityAllowances;
import org.tongban.insurance.SurvivorBenefits;

/**
 * A resident's claims beside the pension and the unemployment benefit: 病残津贴 for oneself, and 丧葬补助金和抚恤金
 * for a deceased relative. Each claim files its case only when every rule is met and is bound to the amount computed.
 */
@RestController
@RequestMapping("/api/insurance/me")
class MyBenefitClaimsApi {

  private final DisabilityAllowances disability;
  private final SurvivorBenefits survivors;

  MyBenefitClaimsApi(DisabilityAllowances disability, SurvivorBenefits survivors) {
    this.disability = disability;
    this.survivors = survivors;
  }

  @GetMapping("/disability-allowance")
  DisabilityAllowances.Assessment disabilityAllowance(@RequestParam(defaultValue = "60") int originalAge) {
    return disability.mine(originalAge);
  }

  record DisabilityClaimRequest(int originalAge, @Nullable String bankAccount, @Nullable String contactPhone,
                                @Nullable String submission) {}

  /** Files the 病残津贴 claim when every rule is met (else 400 naming the failed rules, nothing filed). */
  @PostMapping("/disability-allowance")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, String> claimDisability(@RequestBody DisabilityClaimRequest r) {
    var filed = disability.claim(r.originalAge(), r.bankAccount(), r.contactPhone(), r.submission());
    return Map.of("case", filed.id().toString(), "number", filed.number());
  }

  record SurvivorClaimRequest(@Nullable String deceasedIdNumber, @Nullable String relationToDeceased,
                              @Nullable String bankAccount, @Nullable String submission) {}

  /** Files the 丧葬补助金和抚恤金 claim for a deceased relative; the amount it is bound to, with each figure's rule. */
  @PostMapping("/survivor-benefits")
  @ResponseStatus(HttpStatus.CREATED)
  SurvivorBenefits.Claim claimSurvivors(@RequestBody SurvivorClaimRequest r) {
    return survivors.claim(r.deceasedIdNumber(), r.relationToDeceased(), r.bankAccount(), r.submission());
  }
}
