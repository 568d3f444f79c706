package org.tongban.insurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.officerOf;
import static org.tongban.insurance.InsuranceFixtures.COUNTY;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseQueries;
import org.tongban.casework.Casework;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.insurance.Declarations.Line;
import org.tongban.insurance.SurvivorBenefits.Cause;
import org.tongban.insurance.SurvivorBenefits.Dependant;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.Units;
import tools.jackson.databind.json.JsonMapper;

/**
 * 遗属待遇 and 工伤认定 from the record (#14.4): a death from a recognised work injury gives the funeral grant (6 months of
 * the average wage), the dependants' pension (40 % spouse, 30 % others, +10 % orphans, never above the wage) and the
 * lump sum (20 × the NBS urban income), worked through (工伤保险条例 art. 39); a death not from work follows the
 * province's rule once it is entered; the deadlines of art. 17 count from the accident.
 */
@SpringBootTest
@Tag("persistence")
class SurvivorAndInjuryTests {

  @Autowired SurvivorBenefits survivors;
  @Autowired WorkInjuries injuries;
  @Autowired Enrolments enrolments;
  @Autowired Declarations declarations;
  @Autowired InsuranceParameters parameters;
  @Autowired GeneratedInsurance generated;
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

  @BeforeEach
  void parameters() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("hrss", COUNTY);
    fixtures.office("hrss", "2101");
    fx = new InsuranceFixtures(fixtures, parameters, units, agents, residents);
    fx.enterParameters();
    // 2024's average wage for a death in 2025 (the fixtures enter the last three years; the test needs 2024 too).
    if (parameters.band(org.tongban.shared.RegionCode.of(COUNTY), 2024).isEmpty()) {
      as(officerOf("21", "hrss"), () -> parameters.recordAverageWage("21", 2024, InsuranceFixtures.AVERAGE_CENTS, "测试用平均工资"));
    }
  }

  private static Map<String, Long> amounts(SurvivorBenefits.Assessment a) {
    return a.amounts().stream().collect(Collectors.toMap(SurvivorBenefits.Amount::code, SurvivorBenefits.Amount::cents));
  }

  @Test
  void aDeathFromARecognisedWorkInjuryGivesTheThreeBenefitsOfArticle39() {
    var boss = fixtures.resident("工亡单位老板", COUNTY);
    var unit = fx.unit(boss, "铁西区工亡测试公司");
    as(officerOf(COUNTY, "hrss"), () -> parameters.setInjuryClass(unit.id(), unit.region(), 4, 100, YearMonth.of(2020, 1)));
    var worker = fixtures.resident("工亡职工", COUNTY);
    String id = fx.idNumber(worker);
    fx.forUnit(boss, unit, () -> enrolments.enrolEmployee(id, EnumSet.of(Insurance.PENSION, Insurance.INJURY),
        YearMonth.of(2025, 1)));
    fx.forUnit(boss, unit, () -> declarations.declare(YearMonth.of(2025, 4), List.of(new Line(id, "6000", null))));
    fx.forUnit(boss, unit, () -> declarations.pay(YearMonth.of(2025, 4)));
    // Injured in May, recognised as a work injury, died in June.
    var recognition = as(worker.user(), () -> applications.apply(new NewApplication(SurvivorBenefits.RECOGNITION_ITEM,
        worker.person().id(), Channel.WEB, RegionBasis.RESIDENCE, null, json.readTree("""
            {"applicantName":"工亡职工","employer":"铁西区工亡测试公司","injuryDate":"2025-05-20",
             "injuryDescription":"在车间搬运货物时被叉车撞伤，送医院抢救。","contactPhone":"13800004444"}"""), null, null)));
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, worker.user(), recognition.id());
    fixtures.approve(casework, cases, worker.user(), recognition.id(), fixtures.office("hrss", "2101"));
    as(clerkOf(COUNTY), () -> {
      residents.registerDeath(worker.person().id(), LocalDate.of(2025, 6, 1), "医院出具的死亡医学证明");
      return null;
    });
    // The death goes to the exchange for the systems that stop what a living person receives (#16.2).
    assertThat(org.tongban.exchange.ExchangeFixtures.shared(jdbc, json, "person.deaths", worker.person().id().value()))
        .singleElement().satisfies(m -> assertThat(m).containsEntry("diedOn", "2025-06-01")
            .containsEntry("person", worker.person().id().value().toString()).containsKey("idNumberMasked"));
    var a = as(officerOf(COUNTY, "hrss"), () -> survivors.assess(worker.person().id().value(), Cause.WORK_INJURY,
        List.of(new Dependant(true, false), new Dependant(false, true))));
    assertThat(a.findings()).allSatisfy(f -> assertThat(f.met()).as(f.code() + ": " + f.found()).isTrue());
    var amounts = amounts(a);
    assertThat(amounts.get("funeral")).isEqualTo(6 * InsuranceFixtures.AVERAGE_CENTS); // 6 × 8,000
    assertThat(amounts.get("dependants-pension")).isEqualTo(480_000L); // 6,000 × (40 % + 30 % + 10 %)
    assertThat(amounts.get("lump-sum")).isEqualTo(20 * 5_418_800L); // 20 × 54,188 (2024 bulletin)
    // Four dependants at 40 % + 3 × 30 % would exceed the wage: capped at 6,000.
    var capped = as(officerOf(COUNTY, "hrss"), () -> survivors.assess(worker.person().id().value(), Cause.WORK_INJURY,
        List.of(new Dependant(true, false), new Dependant(false, false), new Dependant(false, false),
            new Dependant(false, false))));
    assertThat(amounts(capped).get("dependants-pension")).isEqualTo(600_000L);
    // Outside the officer's jurisdiction the person is not found.
    assertThatThrownBy(() -> as(officerOf("510502", "hrss"), () -> survivors.assess(worker.person().id().value(),
        Cause.WORK_INJURY, List.of()))).isInstanceOf(InsuranceRefusals.PersonNotFound.class);
  }

  @Test
  void aDeathNotFromWorkFollowsTheProvincesRuleOnceEntered() {
    var person = fixtures.resident("病故参保人", COUNTY);
    var id = person.person().id().value();
    generated.history(id, person.person().residenceRegion(), YearMonth.of(2015, 1), YearMonth.of(2025, 5), 500_000);
    as(clerkOf(COUNTY), () -> {
      residents.registerDeath(person.person().id(), LocalDate.of(2025, 6, 10), "死亡医学证明");
      return null;
    });
    var officer = officerOf(COUNTY, "hrss");
    if (jdbc.sql("select count(*) from insurance.survivor_standard where province_code = '21'").query(Long.class).single() == 0) {
      var before = as(officer, () -> survivors.assess(id, Cause.OTHER, List.of()));
      assertThat(before.findings()).filteredOn(f -> !f.met()).extracting(Finding::code).containsExactly("province-rule");
      assertThat(before.amounts()).isEmpty();
      as(officerOf("21", "hrss"), () -> {
        survivors.recordStandard("21", 6, 9, LocalDate.of(2020, 1, 1), "测试用遗属待遇标准");
        return null;
      });
    }
    var a = as(officer, () -> survivors.assess(id, Cause.OTHER, List.of()));
    assertThat(a.computable()).isTrue();
    long avg = parameters.band(person.person().residenceRegion(), 2024).orElseThrow().averageCents();
    var rule = jdbc.sql("select funeral_months, pension_months from insurance.survivor_standard where province_code = '21'"
        + " and effective_from <= date '2025-06-10' order by effective_from desc limit 1")
        .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    assertThat(amounts(a).get("funeral")).isEqualTo(rule[0] * avg);
    assertThat(amounts(a).get("survivors-lump-sum")).isEqualTo(rule[1] * avg);
  }

  @Test
  void aSurvivorsClaimIsFiledWithTheComputedAmountAndGrantedOnceForThatAmountOnly() {
    var person = fixtures.resident("病故参保人丙", COUNTY);
    var id = person.person().id().value();
    generated.history(id, person.person().residenceRegion(), YearMonth.of(2010, 1), YearMonth.of(2025, 5), 500_000);
    if (jdbc.sql("select count(*) from insurance.survivor_standard where province_code = '21'").query(Long.class).single() == 0) {
      as(officerOf("21", "hrss"), () -> {
        survivors.recordStandard("21", 6, 9, LocalDate.of(2020, 1, 1), "测试用遗属待遇标准");
        return null;
      });
    }
    var daughter = fixtures.resident("病故者之女", COUNTY);
    var son = fixtures.resident("病故者之子", COUNTY);
    String idNumber = fx.idNumber(person);
    // Not yet registered as dead: refused naming the rule, nothing filed; an unknown number is not found.
    assertThatThrownBy(() -> as(daughter.user(), () -> survivors.claim(idNumber, "子女", null, null)))
        .isInstanceOfSatisfying(InsuranceRefusals.NotEligible.class,
            e -> assertThat(e.failed()).extracting(Finding::code).contains("death-registered"));
    assertThatThrownBy(() -> as(daughter.user(), () -> survivors.claim("210106199001011234", "子女", null, null)))
        .isInstanceOf(InsuranceRefusals.PersonNotFound.class);
    as(clerkOf(COUNTY), () -> {
      residents.registerDeath(person.person().id(), LocalDate.of(2025, 6, 20), "死亡医学证明");
      return null;
    });
    var claim = as(daughter.user(), () -> survivors.claim(idNumber.toLowerCase(), "子女", "6222020200055556666", null));
    long expected = claim.assessment().amounts().stream().mapToLong(SurvivorBenefits.Amount::cents).sum();
    assertThat(claim.totalCents()).isEqualTo(expected).isPositive();
    long avg = parameters.band(person.person().residenceRegion(), 2024).orElseThrow().averageCents();
    var rule = jdbc.sql("select funeral_months + pension_months from insurance.survivor_standard where province_code = '21'"
        + " and effective_from <= date '2025-06-20' order by effective_from desc limit 1").query(Integer.class).single();
    assertThat(expected).isEqualTo(rule * avg);
    var caseId = new org.tongban.casework.CaseId(claim.caseId());
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, daughter.user(), caseId);
    var office = fixtures.office("hrss", COUNTY);
    assertThatThrownBy(() -> fx.approve(casework, cases, daughter, caseId, office,
        org.tongban.casework.DecisionTerms.typed(org.tongban.shared.Yuan.format(expected - 100), null, null)))
        .isInstanceOf(InsuranceRefusals.AmountDiffers.class);
    fx.approve(casework, cases, daughter, caseId, office,
        org.tongban.casework.DecisionTerms.typed(org.tongban.shared.Yuan.format(expected), null, null));
    assertThat(jdbc.sql("select granted_at is not null from insurance.survivor_claim where case_id = ?")
        .param(claim.caseId()).query(Boolean.class).single()).isTrue();
    // Her brother claims too: the case can be filed, but it is never granted a second time.
    var second = as(son.user(), () -> survivors.claim(idNumber, "子女", "6222020200077778888", null));
    var secondId = new org.tongban.casework.CaseId(second.caseId());
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, son.user(), secondId);
    assertThatThrownBy(() -> fx.approve(casework, cases, son, secondId, office,
        org.tongban.casework.DecisionTerms.typed(org.tongban.shared.Yuan.format(expected), null, null)))
        .isInstanceOf(InsuranceRefusals.AlreadyGranted.class);
  }

  @Test
  void theDeadlinesOfArticle17CountFromTheAccident() {
    var worker = fixtures.resident("受伤职工", COUNTY);
    var today = LocalDate.of(2026, 3, 10);
    var late = injuries.assess(worker.person().id().value(), LocalDate.of(2026, 1, 20), today, true, null);
    assertThat(late.unitDeadline()).isEqualTo(LocalDate.of(2026, 2, 19));
    assertThat(late.findings()).filteredOn(f -> f.code().equals("unit-in-time")).singleElement()
        .satisfies(f -> assertThat(f.met()).isFalse());
    var self = injuries.assess(worker.person().id().value(), LocalDate.of(2026, 1, 20), today, false,
        LocalDate.of(2026, 3, 12));
    assertThat(self.personalDeadline()).isEqualTo(LocalDate.of(2027, 1, 20));
    assertThat(self.decisionDue()).isEqualTo(LocalDate.of(2026, 5, 11)); // 60 days from acceptance (art. 20)
    assertThat(self.findings()).filteredOn(f -> f.code().equals("insured")).singleElement()
        .satisfies(f -> assertThat(f.found()).contains("第六十二条"));
    assertThatThrownBy(() -> injuries.assess(worker.person().id().value(), today.plusDays(1), today, true, null))
        .isInstanceOf(InsuranceRefusals.InvalidParameter.class);
  }
}
