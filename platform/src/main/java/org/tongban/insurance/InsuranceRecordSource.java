package org.tongban.insurance;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.tongban.casework.spi.HeldRecordSource;

/** 参保缴费记录 (heldAs {@code hrss.insurance-record}) fetched into a case from the ledger, never asked for. */
@Component
class InsuranceRecordSource implements HeldRecordSource {

  static final String HELD_AS = "hrss.insurance-record";

  static final String APPRAISAL = "hrss.labour-appraisal";

  private final ContributionRecord record;
  private final LabourAppraisals appraisals;

  InsuranceRecordSource(ContributionRecord record, LabourAppraisals appraisals) {
    this.record = record;
    this.appraisals = appraisals;
  }

  @Override
  public boolean holds(String heldAs) {
    return HELD_AS.equals(heldAs) || APPRAISAL.equals(heldAs);
  }

  @Override
  public Optional<String> describe(String heldAs, UUID person) {
    if (APPRAISAL.equals(heldAs)) {
      var a = appraisals.latest(person);
      return a == null ? Optional.empty() : Optional.of("劳动能力鉴定结论 " + a.documentNo() + "（" + a.decidedOn() + "，"
          + a.conclusion() + "） Labour ability appraisal held by this platform");
    }
    var accounts = record.accounts(person);
    if (accounts.isEmpty()) return Optional.empty();
    return Optional.of("本平台社会保险缴费记录：" + accounts.values().stream()
        .map(a -> a.insurance().zh() + " " + a.monthsCounted() + " 个月" + (a.arrearsMonths() > 0 ? "（欠缴 "
            + a.arrearsMonths() + " 个月）" : ""))
        .collect(Collectors.joining("；")) + " Insurance record held by this platform");
  }
}
