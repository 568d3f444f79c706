package org.tongban.eldercare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.staff;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.identity.NewStaff;
import org.tongban.identity.Role;
import org.tongban.identity.StaffAccounts;
import org.tongban.person.NewResident;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;
import org.tongban.shared.RegionCode;

/** The register, the monthly plan, visit records, the visit rate per region and overdue visits. */
@SpringBootTest
@Tag("persistence")
class VisitTests {

  @Autowired VisitManagement visits;
  @Autowired Residents residents;
  @Autowired StaffAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired org.tongban.indicator.IndicatorManagement indicators;

  /** A village of 大东区 (沈阳) used only by this test class. */
  String village(int n) {
    return jdbc.sql("select code from region.region where code like '210104%' and level = 5 and valid_to is null"
        + " order by code offset ? limit 1").param(n).query(String.class).single();
  }

  String oldResident(String name, String village, int birthYear) {
    var r = ThreadLocalRandom.current();
    var id = org.tongban.StaffFixtures.idNumberBorn("210104", birthYear + "0101");
    as(clerkOf("210104"), () -> residents.register(new NewResident(name, id.value(), null, village, village)));
    return id.value();
  }

  String worker(String township) {
    String name = "worker-" + UUID.randomUUID().toString().substring(0, 8);
    accounts.create(new NewStaff(name, "社区工作者", null, EnumSet.of(Role.CLERK),
        Set.of(new Scope(RegionCode.of(township), "civil-affairs", Purpose.CAPTURE)), Set.of()), "Sq" + UUID.randomUUID());
    return name;
  }

  @Test
  void theMonthlyRateCountsPeopleVisitedOverPeopleRegisteredAndListsOverdueVisits() {
    var v1 = village(0);
    var v2 = village(1);
    var officer = staff("civil-210104", Set.of(new Scope(RegionCode.of("210104"), "civil-affairs", Purpose.CAPTURE)));
    var a = as(officer, () -> visits.register(oldResident("钱老伯", v1, 1938), RegionCode.of(v1),
        EnumSet.of(ElderCategory.LIVING_ALONE, ElderCategory.VERY_OLD)));
    var b = as(officer, () -> visits.register(oldResident("孙阿姨", v1, 1950), RegionCode.of(v1),
        EnumSet.of(ElderCategory.LEFT_BEHIND)));
    var c = as(officer, () -> visits.register(oldResident("周大爷", v2, 1945), RegionCode.of(v2),
        EnumSet.of(ElderCategory.LOW_INCOME)));
    assertThat(a.name()).isEqualTo("钱老伯");
    assertThat(a.idNumberMasked()).contains("*");
    assertThatThrownBy(() -> as(officer, () -> visits.register(oldResident("小青年", v1, 1999), RegionCode.of(v1),
        EnumSet.of(ElderCategory.LOW_INCOME)))).isInstanceOf(VisitManagement.TooYoung.class);

    var month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
    String township = v1.substring(0, 9);
    String worker = worker(township);
    int planned = as(officer, () -> visits.plan(month, RegionCode.of(township), worker));
    assertThat(planned).isGreaterThanOrEqualTo(v1.substring(0, 9).equals(v2.substring(0, 9)) ? 3 : 2);
    assertThat(as(officer, () -> visits.plan(month, RegionCode.of(township), worker))).isZero();

    var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    var workerUser = staff(worker, Set.of(new Scope(RegionCode.of(township), "civil-affairs", Purpose.CAPTURE)));
    assertThat(as(workerUser, () -> visits.myPlan(month))).extracting(p -> p.elder().id()).contains(a.id(), b.id());
    as(workerUser, () -> visits.record(a.id(), today, "身体状况良好，独居，冰箱食物充足。", EnumSet.of(VisitNeed.MEALS), null));

    var rate = as(officer, () -> visits.rate(RegionCode.of(v1), month));
    assertThat(rate.registered()).isEqualTo(2);
    assertThat(rate.visited()).isEqualTo(1);
    assertThat(rate.percent()).isEqualTo(50.0);
    // Drill-down sums numerators and denominators: the county row equals the sum of its township rows.
    var county = as(officer, () -> visits.rate(RegionCode.of("210104"), month));
    var townships = as(officer, () -> visits.ratesBelow(RegionCode.of("210104"), month));
    assertThat(townships.stream().mapToLong(VisitRate::registered).sum()).isEqualTo(county.registered());
    assertThat(townships.stream().mapToLong(VisitRate::visited).sum()).isEqualTo(county.visited());

    // Nothing is overdue before the due date; after it, the unvisited ones are.
    assertThat(as(officer, () -> visits.overdue(RegionCode.of(township), today))).isEmpty();
    var afterMonth = month.atEndOfMonth().plusDays(1);
    assertThat(as(officer, () -> visits.overdue(RegionCode.of(township), afterMonth)))
        .extracting(p -> p.elder().id()).contains(b.id()).doesNotContain(a.id());
    assertThat(c.region().value()).isEqualTo(v2);
    // The plan's indicator (月探访率) comes from the same records, live, and a recompute agrees.
    while (indicators.applyNow() > 0) {
      // fold what is staged
    }
    var spec = new org.tongban.indicator.IndicatorSpec("eldercare.visit-rate", "特殊困难老年人月探访率", "Visit rate",
        org.tongban.indicator.IndicatorSpec.Kind.MONTHLY_RATE, java.util.List.of(VisitManagement.VISITED),
        java.util.List.of(VisitManagement.REGISTERED), 100, null, org.tongban.indicator.IndicatorSpec.Units.ALL, "%", "%");
    var value = indicators.evaluate(spec, RegionCode.of(v1), month.getYear());
    assertThat(value.numerator()).isEqualTo(1);
    assertThat(value.denominator()).isEqualTo(2);
    assertThat(value.value()).isEqualTo(50.0);
    assertThat(indicators.differences()).isZero();
  }

  @Test
  void visitsAreRecordedOnlyInTheWorkersAreaAndNotInTheFuture() {
    var v1 = village(2);
    var officer = staff("civil-210104", Set.of(new Scope(RegionCode.of("210104"), "civil-affairs", Purpose.CAPTURE)));
    var e = as(officer, () -> visits.register(oldResident("吴奶奶", v1, 1940), RegionCode.of(v1),
        EnumSet.of(ElderCategory.DISABLED)));
    var outsider = staff("civil-210102", Set.of(new Scope(RegionCode.of("210102"), "civil-affairs", Purpose.CAPTURE)));
    var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    assertThatThrownBy(() -> as(outsider, () -> visits.record(e.id(), today, "上门探访", Set.of(), null)))
        .hasMessageContaining("not-found");
    assertThatThrownBy(() -> as(officer, () -> visits.record(e.id(), today.plusDays(1), "上门探访", Set.of(), null)))
        .isInstanceOf(VisitManagement.InvalidElder.class);
    assertThatThrownBy(() -> as(officer, () -> visits.plan(YearMonth.from(today), RegionCode.of("210104"), "nobody")))
        .isInstanceOf(VisitManagement.UnknownWorker.class);
  }
}
