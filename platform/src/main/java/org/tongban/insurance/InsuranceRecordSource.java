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

  private final ContributionRecord record;

  InsuranceRecordSource(ContributionRecord record) {
    this.record = record;
  }

  @Override
  public boolean holds(String heldAs) {
    return HELD_AS.equals(heldAs);
  }

  @Override
  public Optional<String> describe(String heldAs, UUID person) {
    var accounts = record.accounts(person);
    if (accounts.isEmpty()) return Optional.empty();
    return Optional.of("本平台社会保险缴费记录：" + accounts.values().stream()
        .map(a -> a.insurance().zh() + " " + a.monthsCounted() + " 个月" + (a.arrearsMonths() > 0 ? "（欠缴 "
            + a.arrearsMonths() + " 个月）" : ""))
        .collect(Collectors.joining("；")) + " Insurance record held by this platform");
  }
}
