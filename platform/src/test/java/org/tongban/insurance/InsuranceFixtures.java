package org.tongban.insurance;

import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.officerOf;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.CaseworkFixtures.Applicant;
import org.tongban.person.Residents;
import org.tongban.shared.CreditCode;
import org.tongban.shared.RegionCode;
import org.tongban.unit.NewUnit;
import org.tongban.unit.Unit;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.UnitFixtures;
import org.tongban.unit.UnitKind;
import org.tongban.unit.UnitSize;
import org.tongban.unit.Units;

/**
 * The insurance parameters a test needs (entered once per database by the provincial agency, like a real notice), a
 * unit with its boss, and residents with their ID numbers.
 */
record InsuranceFixtures(CaseworkFixtures casework, InsuranceParameters parameters, Units units, UnitAgents agents,
                         Residents residents) {

  static final String COUNTY = "210106"; // 铁西区
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  /** The test average wage: 8,000 yuan a month, so the band is 4,800–24,000. */
  static final long AVERAGE_CENTS = 800_000;

  static YearMonth now() {
    return YearMonth.now(CHINA);
  }

  /** Average wages for this year and the two before, and the provincial rates the nation leaves to provinces. */
  void enterParameters() {
    var province = officerOf("21", "hrss");
    for (int y = now().getYear() - 2; y <= now().getYear(); y++) {
      int year = y;
      if (parameters.band(RegionCode.of(COUNTY), year).isEmpty()) {
        as(province, () -> parameters.recordAverageWage("21", year, AVERAGE_CENTS, "测试用平均工资（非统计公报）"));
      }
    }
    var from = YearMonth.of(2020, 1);
    rate(Insurance.UNEMPLOYMENT, 50, 50, from);
    rate(Insurance.MEDICAL, 700, 200, from);
    rate(Insurance.MATERNITY, 50, 0, from);
  }

  private void rate(Insurance insurance, int employer, int individual, YearMonth from) {
    var existing = parameters.rate(insurance, "EMPLOYEE", RegionCode.of(COUNTY), from, 0);
    if (existing.isPresent() && existing.get().regionPrefix().equals("21")) return;
    as(officerOf("21", "hrss"), () -> parameters.recordRate(insurance, "EMPLOYEE", "21", 0, employer, individual, 0,
        from, "测试用费率通知"));
  }

  Unit unit(Applicant boss, String name) {
    String code = CreditCode.complete("91210106" + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000)))
        .value();
    String bossId = idNumber(boss);
    return as(clerkOf(COUNTY), () -> units.register(new NewUnit(code, name + System.nanoTime() % 10_000,
        UnitKind.ENTERPRISE, "C34", UnitSize.SMALL, casework.village(COUNTY), bossId)));
  }

  String idNumber(Applicant person) {
    return as(clerkOf(COUNTY, "person:unmask"), () -> residents.revealIdNumber(person.person().id(), "社保测试"));
  }

  <T> T forUnit(Applicant boss, Unit unit, Supplier<T> work) {
    return UnitFixtures.actingFor(agents, boss.user(), unit.id(), work);
  }

  /** Runs a case to approval through {@code office}, granting {@code terms} at the approval. */
  void approve(org.tongban.casework.Casework work, org.tongban.casework.CaseQueries cases, Applicant applicant,
               org.tongban.casework.CaseId id, org.tongban.organisation.Office office,
               org.tongban.casework.DecisionTerms terms) {
    for (int step = 0; step < 10; step++) {
      var now = as(applicant.user(), () -> cases.view(id));
      if (now.decision() != null || now.waitingOn() == null) return;
      var staff = casework.staff(office);
      var possible = as(staff, () -> cases.actions(cases.view(id)));
      var next = java.util.List.of(org.tongban.casework.CaseAction.PASS, org.tongban.casework.CaseAction.ACCEPT,
          org.tongban.casework.CaseAction.AGREE, org.tongban.casework.CaseAction.APPROVE).stream()
          .filter(possible::contains).findFirst()
          .orElseThrow(() -> new AssertionError("no way forward at " + now.status() + " waiting on " + now.waitingOn()
              + " (office " + office.id() + "): " + possible));
      as(staff, () -> work.act(id, next, "核实属实", terms));
    }
  }

  /** A 养老保险关系转移接续 case filed online by {@code person} to {@code destination}, its materials supplied. */
  static org.tongban.casework.CaseFile fileTransfer(org.tongban.casework.Applications applications,
      org.tongban.casework.Casework casework, org.tongban.casework.CaseQueries cases,
      org.tongban.catalogue.ServiceCatalogue catalogue, tools.jackson.databind.json.JsonMapper json, Applicant person,
      String destination) {
    var c = as(person.user(), () -> applications.apply(new org.tongban.casework.NewApplication(Transfers.ITEM,
        person.person().id(), org.tongban.casework.Channel.WEB, org.tongban.casework.RegionBasis.RESIDENCE, null,
        json.readTree("""
            {"applicantName":"%s","destinationRegion":"%s","contactPhone":"13800009999"}"""
            .formatted(person.person().name(), destination)), null, null)));
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, person.user(), c.id());
    return c;
  }

  /** The 多地联办 transfer approved by the county's government-services hall and its 人社 office. */
  static void approveTransfer(CaseworkFixtures fixtures, org.tongban.casework.Casework casework,
                              org.tongban.casework.CaseQueries cases, Applicant person, org.tongban.casework.CaseFile c) {
    fixtures.approve(casework, cases, person.user(), c.id(), fixtures.office("government-services", COUNTY),
        fixtures.office("hrss", COUNTY));
  }
}
