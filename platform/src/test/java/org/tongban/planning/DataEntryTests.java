package org.tongban.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;

import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.StaffFixtures;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.shared.RegionCode;

/** Data sets go up township → county → city, are locked once approved, and only then count. */
@SpringBootTest
@Tag("persistence")
class DataEntryTests {

  @Autowired DataEntries entries;
  @Autowired PlanMonitor monitor;
  @Autowired IndicatorManagement indicators;
  @Autowired JdbcClient jdbc;
  @Autowired org.tongban.audit.AuditTrail auditTrail;

  private static org.tongban.identity.internal.StaffUser at(String region, String name) {
    return StaffFixtures.staff(name, Set.of(new Scope(RegionCode.of(region), Scope.ANY_DEPARTMENT, Purpose.CAPTURE)));
  }

  @Test
  void aTownshipsFiguresCountOnlyOnceTheCountyAndTheCityHaveApprovedThem() {
    String township = jdbc.sql("select code from region.region where code like '210181%' and level = 4 order by code"
        + " limit 1").query(String.class).single();
    var townshipClerk = at(township, "entry-township");
    var countyOfficer = at("210181", "entry-county");
    var cityOfficer = at("2101", "entry-city");
    String code = "ln.quality-high-school-share";
    var draft = as(townshipClerk, () -> entries.enter(code, RegionCode.of(township), 2025, 700, 1000L));
    assertThat(draft.status()).isEqualTo(DataEntry.Status.DRAFT);
    // Corrected while still a draft, then submitted: now the township cannot change it any more.
    as(townshipClerk, () -> entries.enter(code, RegionCode.of(township), 2025, 720, 1000L));
    as(townshipClerk, () -> entries.submit(draft.id()));
    assertThatThrownBy(() -> as(townshipClerk, () -> entries.enter(code, RegionCode.of(township), 2025, 999, 1000L)))
        .isInstanceOf(DataEntries.Locked.class);
    // The township cannot approve its own figures; the city cannot skip the county.
    assertThatThrownBy(() -> as(townshipClerk, () -> entries.approve(draft.id()))).isInstanceOf(DataEntries.NotYourStep.class);
    assertThat(as(countyOfficer, () -> entries.approve(draft.id())).status()).isEqualTo(DataEntry.Status.COUNTY_APPROVED);
    while (indicators.apply() > 0) {
      // fold
    }
    var county = RegionCode.of("210181");
    var target = monitor.target(code);
    assertThat(indicators.evaluate(target.indicator(), county, 2025).value()).isNull();
    assertThat(as(cityOfficer, () -> entries.approve(draft.id())).status()).isEqualTo(DataEntry.Status.APPROVED);
    while (indicators.apply() > 0) {
      // fold
    }
    var value = indicators.evaluate(target.indicator(), county, 2025);
    assertThat(value.numerator()).isEqualTo(720);
    assertThat(value.denominator()).isEqualTo(1000);
    assertThat(value.value()).isEqualTo(72.0);
    assertThatThrownBy(() -> as(cityOfficer, () -> entries.sendBack(draft.id(), "再核")))
        .isInstanceOf(DataEntries.NotYourStep.class);
    assertThat(indicators.differences()).isZero();
    // Every step is in the audit trail.
    auditTrail.flush();
    assertThat(jdbc.sql("select count(*) from audit.entry where target_id = ?").param(draft.id().toString())
        .query(Long.class).single()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void figuresComputedByThePlatformAreNotEnteredAndOthersAreCheckedFirst() {
    String township = jdbc.sql("select code from region.region where code like '210181%' and level = 4 order by code"
        + " offset 1 limit 1").query(String.class).single();
    var clerk = at(township, "entry-checks");
    assertThatThrownBy(() -> as(clerk, () -> entries.enter("ln.nursing-bed-share", RegionCode.of(township), 2025, 5, 10L)))
        .isInstanceOf(DataEntries.NotForEntry.class);
    assertThatThrownBy(() -> as(clerk, () -> entries.enter("ln.quality-high-school-share", RegionCode.of(township), 2025,
        11, 10L))).isInstanceOf(DataEntries.InvalidEntry.class);
    assertThatThrownBy(() -> as(at("210102", "entry-outsider"), () -> entries.enter("ln.quality-high-school-share",
        RegionCode.of(township), 2025, 1, 10L))).hasMessageContaining("access.not-found");
  }
}
