package org.tongban.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.officerOf;
import static org.tongban.insurance.InsuranceFixtures.COUNTY;
import static org.tongban.insurance.InsuranceFixtures.now;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.casework.CaseQueries;
import org.tongban.casework.Casework;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.CaseworkFixtures.Applicant;
import org.tongban.casework.DecisionTerms;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.NewResident;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;
import org.tongban.shared.RegionCode;
import org.tongban.shared.Yuan;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.Units;

/**
 * 病残津贴 (#14.4; 社会保险法 art. 17, 人社部发〔2024〕93号): a worker of 48 with twenty years paid, found wholly unable
 * to work by the appraisal committee, receives each month what the pension formula gives with the divisor of his own
 * statutory retirement age (63 for a man born in 1978: 117 months), until the month before that age; no appraisal,
 * a partial one or too few years refuse the claim naming the rule; the approval must grant exactly that amount and
 * that last month; the payment run pays up to the last month and no further.
 */
@SpringBootTest
@Tag("persistence")
class DisabilityAllowanceTests {

  @Autowired DisabilityAllowances disability;
  @Autowired LabourAppraisals appraisals;
  @Autowired Awards awards;
  @Autowired PaymentRuns runs;
  @Autowired GeneratedInsurance generated;
  @Autowired InsuranceParameters parameters;
  @Autowired Units units;
  @Autowired UnitAgents agents;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired Casework casework;
  @Autowired CaseQueries cases;
  @Autowired ServiceCatalogue catalogue;
  @Autowired JdbcClient jdbc;

  CaseworkFixtures fixtures;
  InsuranceFixtures fx;

  @BeforeEach
  void parameters() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("hrss", COUNTY);
    fx = new InsuranceFixtures(fixtures, parameters, units, agents, residents);
    fx.enterParameters();
    for (int y = now().getYear() - 21; y <= now().getYear(); y++) parameters.insertGeneratedAverageWage("21", y, 800_000);
  }

  /** A man born on 15 March 1978 with {@code years} years paid at 8,000 a month up to last month. */
  private Applicant worker(String name, int years) {
    var r = ThreadLocalRandom.current();
    while (true) {
      var id = IdNumber.complete(COUNTY + "19780315" + String.format("%02d", r.nextInt(100)) + (1 + 2 * r.nextInt(5)));
      try {
        var village = fixtures.village(COUNTY);
        var person = as(clerkOf(COUNTY), () -> residents.register(new NewResident(name, id.value(), null, village, village)));
        var applicant = new Applicant(person,
            org.tongban.identity.internal.ResidentFixtures.accountFor(secrets, person.id(), name, id));
        generated.history(person.id().value(), RegionCode.of(COUNTY), now().minusYears(years), now().minusMonths(1), 800_000);
        return applicant;
      } catch (org.tongban.person.PersonRefusals.DuplicateIdNumber taken) {
        // another test took this number: try the next
      }
    }
  }

  @Test
  void anAllowanceByThePensionFormulaUntilTheStatutoryAgeOnceTheCommitteeFindsCompleteLoss() {
    var man = worker("病残职工甲", 20);
    var id = man.person().id().value();
    var officer = officerOf(COUNTY, "hrss");
    // No appraisal yet: refused by that rule, nothing filed.
    assertThatThrownBy(() -> as(man.user(), () -> disability.claim(60, null, null, null)))
        .isInstanceOfSatisfying(InsuranceRefusals.NotEligible.class,
            e -> assertThat(e.failed()).extracting(Finding::code).containsExactly("appraisal"));
    // Another county's agency cannot enter his appraisal; a partial loss does not open the allowance.
    assertThatThrownBy(() -> as(officerOf("210102", "hrss"), () -> appraisals.record(id,
        LabourAppraisals.Conclusion.COMPLETE, "沈劳鉴〔2026〕1号", LocalDate.now(InsuranceFixtures.CHINA))))
        .isInstanceOf(InsuranceRefusals.PersonNotFound.class);
    as(officer, () -> appraisals.record(id, LabourAppraisals.Conclusion.PARTIAL, "沈劳鉴〔2026〕"
        + UUID.randomUUID().toString().substring(0, 6) + "号", LocalDate.now(InsuranceFixtures.CHINA).minusDays(30)));
    assertThat(as(man.user(), () -> disability.mine(60)).findings()).filteredOn(f -> !f.met())
        .extracting(Finding::code).containsExactly("appraisal");
    String document = "沈劳鉴〔2026〕" + UUID.randomUUID().toString().substring(0, 6) + "号";
    as(officer, () -> appraisals.record(id, LabourAppraisals.Conclusion.COMPLETE, document,
        LocalDate.now(InsuranceFixtures.CHINA).minusDays(3)));
    // The same document is entered once.
    assertThatThrownBy(() -> as(officer, () -> appraisals.record(id, LabourAppraisals.Conclusion.COMPLETE,
        document, LocalDate.now(InsuranceFixtures.CHINA)))).isInstanceOf(InsuranceRefusals.InvalidParameter.class);

    var a = as(man.user(), () -> disability.mine(60));
    assertThat(a.findings()).allSatisfy(f -> assertThat(f.met()).as(f.code() + ": " + f.found()).isTrue());
    // 附件1: a man born in March 1978 retires at 63 (36 months later than 60), in March 2041.
    assertThat(a.statutory().age()).isEqualTo(new RetirementAge.Age(63, 0));
    assertThat(a.lastMonth()).isEqualTo(YearMonth.of(2041, 2));
    var e = a.estimate();
    assertThat(e.divisor()).isEqualTo(117); // 国发〔2005〕38号 附件: 63 岁 117 个月
    assertThat(e.contributionMonths()).isEqualTo(240);
    assertThat(e.basicCents()).isEqualTo(BigDecimal.valueOf(e.averageWageCents())
        .multiply(BigDecimal.ONE.add(e.averageIndex())).multiply(BigDecimal.valueOf(20))
        .divide(BigDecimal.valueOf(200), 0, RoundingMode.HALF_UP).longValueExact());
    assertThat(e.accountCents()).isEqualTo(BigDecimal.valueOf(e.accountBalanceCents())
        .divide(BigDecimal.valueOf(117), 0, RoundingMode.HALF_UP).longValueExact());
    // The staff view within the jurisdiction computes the same; outside it the person is not found.
    assertThat(as(officer, () -> disability.forStaff(id, 60)).estimate().totalCents()).isEqualTo(e.totalCents());
    assertThatThrownBy(() -> as(officerOf("510502", "hrss"), () -> disability.forStaff(id, 60)))
        .isInstanceOf(InsuranceRefusals.PersonNotFound.class);

    var filed = as(man.user(), () -> disability.claim(60, "6222020200012345678", "13800001212", null));
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, man.user(), filed.id());
    var office = fixtures.office("hrss", COUNTY);
    // A slip in the amount, or an allowance running past the statutory age, is refused and nothing granted.
    assertThatThrownBy(() -> fx.approve(casework, cases, man, filed.id(), office, DecisionTerms.typed(
        Yuan.format(e.totalCents() + 100), now().toString(), "2041-02"))).isInstanceOf(InsuranceRefusals.TermsDiffer.class);
    assertThatThrownBy(() -> fx.approve(casework, cases, man, filed.id(), office, DecisionTerms.typed(
        Yuan.format(e.totalCents()), now().toString(), null))).isInstanceOf(InsuranceRefusals.TermsDiffer.class);
    assertThat(awards.active(id, DisabilityAllowances.BENEFIT)).isEmpty();
    fx.approve(casework, cases, man, filed.id(), office, DecisionTerms.typed(Yuan.format(e.totalCents()),
        now().toString(), "2041-02"));
    var award = awards.active(id, DisabilityAllowances.BENEFIT).orElseThrow();
    assertThat(award.monthlyCents()).isEqualTo(e.totalCents());
    assertThat(award.inputs()).contains("人社部发〔2024〕93号").contains("\"lastMonth\": \"2041-02\"");
    // Asking again while it runs is refused by the once rule.
    assertThat(as(man.user(), () -> disability.mine(60)).findings()).filteredOn(f -> !f.met())
        .extracting(Finding::code).containsExactly("once");
  }

  @Test
  void tooFewYearsFallUnderTheProvincesRuleAndAreNotComputedHere() {
    var man = worker("病残职工乙", 10);
    var id = man.person().id().value();
    as(officerOf(COUNTY, "hrss"), () -> appraisals.record(id, LabourAppraisals.Conclusion.COMPLETE,
        "沈劳鉴〔2026〕" + UUID.randomUUID().toString().substring(0, 6) + "号", LocalDate.now(InsuranceFixtures.CHINA)));
    assertThatThrownBy(() -> as(man.user(), () -> disability.claim(60, null, null, null)))
        .isInstanceOfSatisfying(InsuranceRefusals.NotEligible.class,
            e -> assertThat(e.failed()).extracting(Finding::code).containsExactly("minimum"));
  }

  @Test
  void thePaymentRunPaysAnAwardUpToItsLastMonthAndNoFurther() {
    var ended = worker("病残津贴已到期者", 20).person();
    var running = worker("病残津贴领取者", 20).person();
    awards.grant(ended.id().value(), DisabilityAllowances.BENEFIT, ended.residenceRegion(), null, now().minusMonths(6),
        null, now().minusMonths(1), 250_000, "{}", false);
    awards.grant(running.id().value(), DisabilityAllowances.BENEFIT, running.residenceRegion(), null,
        now().minusMonths(6), null, now(), 250_000, "{}", false);
    as(officerOf(COUNTY, "hrss"), () -> runs.run(now()));
    String paid = "select count(*) from insurance.payment where person_id = ? and benefit = 'DISABILITY' and month = ?";
    assertThat(jdbc.sql(paid).params(ended.id().value(), now().atDay(1)).query(Long.class).single()).isZero();
    assertThat(jdbc.sql(paid).params(running.id().value(), now().atDay(1)).query(Long.class).single()).isEqualTo(1);
  }
}
