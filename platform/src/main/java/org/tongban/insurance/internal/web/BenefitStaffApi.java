package org.tongban.insurance.internal.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.insurance.DisabilityAllowances;
import org.tongban.insurance.InsuranceRefusals;
import org.tongban.insurance.LabourAppraisals;
import org.tongban.insurance.SurvivorBenefits;
import org.tongban.insurance.Transfers;
import org.tongban.insurance.WorkInjuries;
import org.tongban.person.PersonId;
import org.tongban.person.Residents;
import org.tongban.shared.Yuan;

/**
 * The agency's benefit work over HTTP (staff with a second factor, within their jurisdiction): survivors' benefits and
 * work injuries as the record computes them, 劳动能力鉴定 conclusions and the 病残津贴 they open, and the statements
 * of periods transferred in from a province outside the platform.
 */
@RestController
@RequestMapping("/api/insurance")
class BenefitStaffApi {

  private final SurvivorBenefits survivors;
  private final WorkInjuries injuries;
  private final DisabilityAllowances disability;
  private final LabourAppraisals appraisals;
  private final Transfers transfers;
  private final Residents residents;

  BenefitStaffApi(SurvivorBenefits survivors, WorkInjuries injuries, DisabilityAllowances disability,
                  LabourAppraisals appraisals, Transfers transfers, Residents residents) {
    this.appraisals = appraisals;
    this.survivors = survivors;
    this.injuries = injuries;
    this.disability = disability;
    this.transfers = transfers;
    this.residents = residents;
  }

  /**
   * 遗属待遇 as the record computes them for a deceased person within the officer's jurisdiction: {@code spouse} and
   * {@code others} dependants, of whom {@code orphans} are orphans or lone elders (10 % more each).
   */
  @GetMapping("/persons/{person}/survivor-benefits")
  SurvivorBenefits.Assessment survivors(@PathVariable UUID person,
                                        @RequestParam(defaultValue = "OTHER") SurvivorBenefits.Cause cause,
                                        @RequestParam(defaultValue = "false") boolean spouse,
                                        @RequestParam(defaultValue = "0") int others,
                                        @RequestParam(defaultValue = "0") int orphans) {
    if (others < 0 || others > 10 || orphans < 0 || orphans > others) throw new InsuranceRefusals.InvalidParameter("dependants");
    var list = new ArrayList<SurvivorBenefits.Dependant>();
    if (spouse) list.add(new SurvivorBenefits.Dependant(true, false));
    for (int i = 0; i < others; i++) list.add(new SurvivorBenefits.Dependant(false, i < orphans));
    return survivors.assess(person, cause, list);
  }

  record SurvivorStandardRequest(@Nullable String province, int funeralMonths, int pensionMonths,
                                 @Nullable LocalDate effectiveFrom, @Nullable String notice) {}

  /** A province's 丧葬补助金 and 抚恤金 for deaths not from work, in months of the average wage, with its notice. */
  @PostMapping("/survivor-standards")
  @ResponseStatus(HttpStatus.CREATED)
  void survivorStandard(@RequestBody SurvivorStandardRequest r) {
    survivors.recordStandard(String.valueOf(r.province()), r.funeralMonths(), r.pensionMonths(), r.effectiveFrom(),
        r.notice());
  }

  /** 工伤认定 deadlines and insurance for a person within the officer's jurisdiction. */
  @GetMapping("/persons/{person}/work-injury")
  WorkInjuries.Assessment workInjury(@PathVariable UUID person,
                                     @RequestParam(required = false) @Nullable LocalDate injuryDate,
                                     @RequestParam(defaultValue = "true") boolean byUnit) {
    residents.view(new PersonId(person));
    return injuries.assess(person, injuryDate, LocalDate.now(ZoneId.of("Asia/Shanghai")), byUnit, null);
  }

  record AppraisalRequest(LabourAppraisals.@Nullable Conclusion conclusion, @Nullable String documentNo,
                          @Nullable LocalDate decidedOn) {}

  /** The appraisal committee's conclusion for a person living in the officer's jurisdiction, with its number. */
  @PostMapping("/persons/{person}/labour-appraisals")
  @ResponseStatus(HttpStatus.CREATED)
  LabourAppraisals.Appraisal appraisal(@PathVariable UUID person, @RequestBody AppraisalRequest r) {
    return appraisals.record(person, r.conclusion(), r.documentNo(), r.decidedOn());
  }

  /** 病残津贴 as the record computes it for a person within the officer's jurisdiction. */
  @GetMapping("/persons/{person}/disability-allowance")
  DisabilityAllowances.Assessment disabilityAllowance(@PathVariable UUID person,
                                                      @RequestParam(defaultValue = "60") int originalAge) {
    return disability.forStaff(person, originalAge);
  }

  record PeriodRequest(java.time.@Nullable YearMonth from, java.time.@Nullable YearMonth to, @Nullable String base) {}

  record StatementRequest(@Nullable String originProvince, @Nullable String statementNo,
                          java.util.@Nullable List<PeriodRequest> periods, @Nullable String account,
                          @Nullable String pooled) {}

  /**
   * The receiving agency enters the 基本养老保险关系转移接续信息表 of a province outside the platform against an open
   * transfer case it covers; the months arrive when the case is approved. Amounts in yuan.
   */
  @PostMapping("/transfers/{id}/statement-in")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void statementIn(@PathVariable UUID id, @RequestBody StatementRequest r) {
    var periods = r.periods() == null ? null : r.periods().stream()
        .map(p -> p == null || p.from() == null || p.to() == null ? null
            : new Transfers.Period(p.from(), p.to(), Yuan.cents(p.base(), 1_000_000).orElse(-1L)))
        .toList();
    transfers.enterStatement(id, r.originProvince(), r.statementNo(), periods,
        Yuan.cents(r.account(), 100_000_000).orElse(-1L), Yuan.cents(r.pooled(), 100_000_000).orElse(-1L));
  }

  /** The 参保缴费凭证 of an approved move out of the platform, to send to the other province. */
  @GetMapping("/transfers/{id}/statement")
  Transfers.Statement statement(@PathVariable UUID id) {
    return transfers.statement(id);
  }
}
