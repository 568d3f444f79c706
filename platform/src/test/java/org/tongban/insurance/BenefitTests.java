package org.tongban.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.officerOf;
import static org.tongban.insurance.InsuranceFixtures.COUNTY;
import static org.tongban.insurance.InsuranceFixtures.now;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseFile;
import org.tongban.casework.CaseQueries;
import org.tongban.casework.Casework;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.CaseworkFixtures.Applicant;
import org.tongban.casework.Channel;
import org.tongban.casework.DecisionTerms;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.employment.Seekers;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.insurance.Declarations.Line;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.NewResident;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;
import org.tongban.shared.RegionCode;
import org.tongban.unit.Unit;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.Units;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benefits decided from the record (#14.4), each rule shown with what the record holds: 失业保险金 (months by art. 46
 * from the months paid, the amount by the city's standard; refused while working, after a resignation; stopped on
 * re-employment) and the basic pension (statutory age by birth month, the minimum period, the 2005 formula).
 */
@SpringBootTest
@Tag("persistence")
class BenefitTests {

  @Autowired UnemploymentBenefits unemployment;
  @Autowired Pensions pensions;
  @Autowired Awards awards;
  @Autowired BenefitStandards standards;
  @Autowired Enrolments enrolments;
  @Autowired Declarations declarations;
  @Autowired GeneratedInsurance generated;
  @Autowired InsuranceParameters parameters;
  @Autowired Seekers seekers;
  @Autowired Units units;
  @Autowired UnitAgents agents;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired Applications applications;
  @Autowired Casework casework;
  @Autowired CaseQueries cases;
  @Autowired ServiceCatalogue catalogue;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  InsuranceFixtures fx;
  CaseworkFixtures fixtures;
  Applicant boss;
  Unit unit;

  @BeforeEach
  void parameters() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("hrss", COUNTY);
    fx = new InsuranceFixtures(fixtures, parameters, units, agents, residents);
    fx.enterParameters();
    boss = fixtures.resident("贺老板", COUNTY);
    unit = fx.unit(boss, "铁西区贺氏物流有限公司");
    var today = LocalDate.now(InsuranceFixtures.CHINA);
    if (standards.at(RegionCode.of(COUNTY), today).filter(s -> s.effectiveFrom().equals(today)).isEmpty()) {
      as(officerOf("2101", "hrss"), () -> standards.record("2101", "1500", "沈阳市测试用失业保险金标准", today));
    }
  }

  private CaseFile approved(Applicant person, String item, String form) {
    var c = as(person.user(), () -> applications.apply(new NewApplication(item, person.person().id(), Channel.WEB,
        RegionBasis.RESIDENCE, null, json.readTree(form), null, null)));
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, person.user(), c.id());
    fixtures.approve(casework, cases, person.user(), c.id(), fixtures.office("hrss", COUNTY));
    return as(person.user(), () -> cases.view(c.id()));
  }

  /** Thirteen months paid through the unit, then let go against her will; registered unemployed and seeking work. */
  private Applicant laidOff(String name) {
    var worker = fixtures.resident(name, COUNTY);
    String id = fx.idNumber(worker);
    var first = now().minusMonths(14);
    fx.forUnit(boss, unit, () -> enrolments.enrolEmployee(id, EnumSet.of(Insurance.PENSION, Insurance.UNEMPLOYMENT), first));
    for (var m = first; m.isBefore(now().minusMonths(1)); m = m.plusMonths(1)) {
      var month = m;
      fx.forUnit(boss, unit, () -> declarations.declare(month, List.of(new Line(id, "6000", null))));
      fx.forUnit(boss, unit, () -> declarations.pay(month));
    }
    fx.forUnit(boss, unit, () -> enrolments.endEmployment(worker.person().id().value(), now().minusMonths(2),
        Enrolments.EndReason.INVOLUNTARY));
    approved(worker, "hrss.unemployment-registration", """
        {"applicantName":"%s","endDate":"%s","endReason":"用人单位解除","contactPhone":"13800006666"}"""
        .formatted(name, now().minusMonths(2).atEndOfMonth()));
    as(worker.user(), () -> seekers.register(new Seekers.NewSeeker(org.tongban.employment.Seeker.Education.JUNIOR, "叉车",
        "叉车司机", fixtures.village(COUNTY), "5000", null, false)));
    return worker;
  }

  @Test
  void unemploymentBenefitIsComputedFromTheRecordAndGrantedOnApproval() {
    var worker = laidOff("失业者甲");
    var a = as(worker.user(), () -> unemployment.mine());
    assertThat(a.findings()).allSatisfy(f -> assertThat(f.met()).as(f.code() + ": " + f.found()).isTrue());
    assertThat(a.paidMonths()).isEqualTo(13);
    assertThat(a.months()).isEqualTo(12); // 1 to < 5 years → 12 (art. 46)
    assertThat(a.monthlyCents()).isEqualTo(150_000L);
    assertThat(a.findings()).filteredOn(f -> f.code().equals("involuntary")).singleElement()
        .satisfies(f -> assertThat(f.found()).contains("非本人意愿"));

    var filed = as(worker.user(), () -> unemployment.claim("6222020200012345678", "13800006666", null));
    // The insurance record is fetched from the ledger, never asked for.
    assertThat(as(worker.user(), () -> cases.materials(filed.id()))).anySatisfy(m -> {
      assertThat(m.code()).isEqualTo("insurance-record");
      assertThat(m.fetchedFrom()).contains("失业保险 13 个月");
    });
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, worker.user(), filed.id());
    var hrss = fixtures.office("hrss", COUNTY);
    // Terms other than the record gives (a slip of a digit): refused naming the right ones, nothing granted.
    assertThatThrownBy(() -> fx.approve(casework, cases, worker, filed.id(), hrss, DecisionTerms.typed("15000",
        now().toString(), now().plusMonths(11).toString())))
        .isInstanceOfSatisfying(InsuranceRefusals.TermsDiffer.class,
            e -> assertThat(e.arguments()).containsExactly("1500.00", 12));
    assertThat(awards.active(worker.person().id().value(), "UNEMPLOYMENT")).isEmpty();
    fx.approve(casework, cases, worker, filed.id(), hrss, DecisionTerms.typed("1500", now().toString(),
        now().plusMonths(11).toString()));
    var award = awards.active(worker.person().id().value(), "UNEMPLOYMENT").orElseThrow();
    assertThat(award.months()).isEqualTo(12);
    assertThat(award.monthlyCents()).isEqualTo(150_000L);
    assertThat(award.inputs()).contains("paidMonths").contains("第四十五条");
    // A second claim while it runs: refused by the rule that names it, nothing filed.
    assertThatThrownBy(() -> as(worker.user(), () -> unemployment.claim(null, null, null)))
        .isInstanceOfSatisfying(InsuranceRefusals.NotEligible.class,
            e -> assertThat(e.failed()).extracting(Finding::code).contains("once"));

    // Re-employed: the benefit stops; the months not drawn carry into the next period (art. 46).
    var other = fx.unit(boss, "铁西区新东家");
    String id = fx.idNumber(worker);
    fx.forUnit(boss, other, () -> enrolments.enrolEmployee(id, EnumSet.of(Insurance.UNEMPLOYMENT), now()));
    var stopped = awards.of(worker.person().id().value()).getFirst();
    assertThat(stopped.status()).isEqualTo("STOPPED");
    assertThat(stopped.stopReason()).isEqualTo("REEMPLOYED");
    // Working now: a claim is refused saying so.
    var again = as(worker.user(), () -> unemployment.mine());
    assertThat(again.findings()).filteredOn(f -> !f.met()).extracting(Finding::code).containsExactly("not-working");
    assertThat(again.unexhaustedMonths()).isEqualTo(12);
  }

  @Test
  void aResignationOrTooShortAPeriodIsRefusedWithTheRuleAndNothingIsFiled() {
    var worker = fixtures.resident("辞职者", COUNTY);
    String id = fx.idNumber(worker);
    var first = now().minusMonths(4);
    fx.forUnit(boss, unit, () -> enrolments.enrolEmployee(id, EnumSet.of(Insurance.UNEMPLOYMENT), first));
    fx.forUnit(boss, unit, () -> declarations.declare(first, List.of(new Line(id, "6000", null))));
    fx.forUnit(boss, unit, () -> declarations.pay(first));
    fx.forUnit(boss, unit, () -> enrolments.endEmployment(worker.person().id().value(), first,
        Enrolments.EndReason.VOLUNTARY));
    long before = jdbc.sql("select count(*) from casework.case_file where applicant = ?")
        .param(worker.person().id().value()).query(Long.class).single();
    assertThatThrownBy(() -> as(worker.user(), () -> unemployment.claim(null, null, null)))
        .isInstanceOfSatisfying(InsuranceRefusals.NotEligible.class, e -> assertThat(e.failed())
            .extracting(Finding::code).contains("paid-year", "involuntary", "registered"));
    assertThat(jdbc.sql("select count(*) from casework.case_file where applicant = ?")
        .param(worker.person().id().value()).query(Long.class).single()).isEqualTo(before);
  }

  /** A man whose statutory retirement month falls in the next three months, with fifteen years and more paid. */
  private Applicant nearRetirement(String name) {
    YearMonth birth = null;
    for (var b = now().minusYears(64); b.isBefore(now().minusYears(59)); b = b.plusMonths(1)) {
      var m = RetirementAge.of(RetirementAge.Original.MEN_60, b).month();
      if (!m.isBefore(now()) && !m.isAfter(now().plusMonths(2))) {
        birth = b;
        break;
      }
    }
    var born = birth.atDay(15).toString().replace("-", "");
    var r = ThreadLocalRandom.current();
    while (true) {
      var id = IdNumber.complete(COUNTY + born + String.format("%02d", r.nextInt(100)) + (1 + 2 * r.nextInt(5)));
      try {
        var village = fixtures.village(COUNTY);
        var person = as(clerkOf(COUNTY), () -> residents.register(new NewResident(name, id.value(), null, village, village)));
        var applicant = new Applicant(person, org.tongban.identity.internal.ResidentFixtures.accountFor(secrets, person.id(), name, id));
        // The years' average wages the pension's index needs: the test's 8,000 (generated, like the history).
        for (int y = now().getYear() - 21; y <= now().getYear(); y++) parameters.insertGeneratedAverageWage("21", y, 800_000);
        generated.history(person.id().value(), RegionCode.of(COUNTY), now().minusYears(20), now().minusMonths(1), 800_000);
        return applicant;
      } catch (org.tongban.person.PersonRefusals.DuplicateIdNumber taken) {
        // another test took this number: try the next
      }
    }
  }

  @Test
  void thePensionFollowsTheStatutoryAgeTheMinimumAndTheFormula() {
    var man = nearRetirement("退休者乙");
    var a = as(man.user(), () -> pensions.mine(60, null));
    assertThat(a.findings()).allSatisfy(f -> assertThat(f.met()).as(f.code() + ": " + f.found()).isTrue());
    assertThat(a.contributionMonths()).isEqualTo(240);
    var e = a.estimate();
    // basic = (avg + avg × index) ÷ 2 × 20 years × 1 % (the index depends on the years' average wages on record,
    // which other tests of this database may have entered).
    assertThat(e.averageIndex()).isPositive();
    assertThat(e.basicCents()).isEqualTo(java.math.BigDecimal.valueOf(e.averageWageCents())
        .multiply(java.math.BigDecimal.ONE.add(e.averageIndex())).multiply(java.math.BigDecimal.valueOf(20))
        .divide(java.math.BigDecimal.valueOf(200), 0, java.math.RoundingMode.HALF_UP).longValueExact());
    assertThat(e.divisor()).isEqualTo(PensionFormula.divisor(e.ageYears()));
    assertThat(e.accountBalanceCents()).isGreaterThan(240L * 64_000); // 8 % of 8,000 × 240 months, plus interest
    // Women originally at 50 are not men: refused as a wrong input.
    assertThatThrownBy(() -> as(man.user(), () -> pensions.mine(50, null)))
        .isInstanceOf(InsuranceRefusals.InvalidCalculation.class);
    // Earlier than the flexible window allows: refused by the age rule.
    var tooEarly = as(man.user(), () -> pensions.mine(60, a.statutory().earliestMonth().minusMonths(1)));
    assertThat(tooEarly.findings()).filteredOn(f -> !f.met()).extracting(Finding::code).contains("age");

    var filed = as(man.user(), () -> pensions.claim(60, null, "6222020200087654321", "13800008888", null));
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, man.user(), filed.id());
    fx.approve(casework, cases, man, filed.id(), fixtures.office("hrss", COUNTY), DecisionTerms.typed(
        org.tongban.shared.Yuan.format(e.totalCents()), a.retireMonth().isAfter(now()) ? a.retireMonth().toString()
            : now().toString(), null));
    var award = awards.active(man.person().id().value(), "PENSION").orElseThrow();
    assertThat(award.monthlyCents()).isEqualTo(e.totalCents());
    assertThat(award.inputs()).contains("contributionMonths").contains("国发〔2005〕38号");
  }
}
