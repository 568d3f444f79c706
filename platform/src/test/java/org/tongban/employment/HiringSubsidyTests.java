package org.tongban.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
import org.tongban.casework.CaseworkFixtures.Applicant;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.CreditCode;
import org.tongban.unit.NewUnit;
import org.tongban.unit.Unit;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.UnitFixtures;
import org.tongban.unit.UnitKind;
import org.tongban.unit.UnitRefusals;
import org.tongban.unit.UnitSize;
import org.tongban.unit.Units;
import tools.jackson.databind.json.JsonMapper;

/**
 * 一次性吸纳就业补贴 (#13.6): eligibility computed rule by rule from what the platform holds — a recognised 就业困难人员,
 * an employment recorded with this unit less than a year ago, no earlier claim open or granted; the claim is filed in
 * the unit's name only when every rule is met, and a refusal names the rules that failed.
 */
@SpringBootTest
@Tag("persistence")
class HiringSubsidyTests {

  static final String COUNTY = "210106"; // 铁西区

  @Autowired HiringSubsidies subsidies;
  @Autowired JobApplications jobs;
  @Autowired Vacancies vacancies;
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

  CaseworkFixtures fixtures;
  Applicant boss;
  Unit unit;
  Vacancy vacancy;

  @BeforeEach
  void aVacancy() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("hrss", COUNTY);
    boss = fixtures.resident("齐铁西", COUNTY);
    unit = register("铁西区齐家制造有限公司");
    vacancy = UnitFixtures.actingFor(agents, boss.user(), unit.id(), () -> vacancies.post(new NewVacancy("焊工", "焊工", 3,
        "6000", "8000", fixtures.village(COUNTY), null, "持焊工证", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20))));
  }

  private Unit register(String name) {
    String code = CreditCode.complete("91210106" + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000)))
        .value();
    String bossId = as(clerkOf(COUNTY, "person:unmask"), () -> residents.revealIdNumber(boss.person().id(), "登记单位"));
    return as(clerkOf(COUNTY), () -> units.register(new NewUnit(code, name + System.nanoTime() % 10_000,
        UnitKind.ENTERPRISE, "C34", UnitSize.SMALL, fixtures.village(COUNTY), bossId)));
  }

  /** A resident of the county recognised as a person with employment difficulties (the case run to approval). */
  private Applicant recognised(String name) {
    var person = fixtures.resident(name, COUNTY);
    var township = fixtures.office("government-services", fixtures.township(COUNTY));
    var county = fixtures.office("hrss", COUNTY);
    var c = as(person.user(), () -> applications.apply(new NewApplication("hrss.employment-difficulty",
        person.person().id(), Channel.WEB, RegionBasis.RESIDENCE, null, json.readTree("""
            {"applicantName":"%s","hardship":"本人失业已满一年，家中有两位老人需要照料，多次求职未果。","contactPhone":"13800005555"}"""
            .formatted(name)), null, null)));
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, person.user(), c.id());
    fixtures.approve(casework, cases, person.user(), c.id(), township, county);
    return person;
  }

  private UUID hired(Applicant person) {
    var application = as(person.user(), () -> jobs.apply(vacancy.id(), null));
    as(boss.user(), () -> jobs.hire(application.id(), LocalDate.now(ZoneId.of("Asia/Shanghai"))));
    return application.id();
  }

  @Test
  void aHireOfARecognisedPersonIsClaimedOnceInTheUnitsName() {
    var application = hired(recognised("齐困难"));
    assertThat(as(boss.user(), () -> subsidies.check(application))).allMatch(HiringSubsidies.Rule::met)
        .extracting(HiringSubsidies.Rule::code).containsExactly("difficulty", "employment", "once");
    var filed = UnitFixtures.actingFor(agents, boss.user(), unit.id(), () -> subsidies.claim(application,
        "6222020200118888", "13800006666", UUID.randomUUID().toString()));
    assertThat(filed.item()).isEqualTo(HiringSubsidies.ITEM);
    assertThat(filed.unit()).isNotNull();
    assertThat(filed.unit().id()).isEqualTo(unit.id());
    assertThat(filed.form().path("employee").asString()).isEqualTo("齐困难");
    assertThat(filed.form().path("employerCode").asString()).isEqualTo(unit.creditCode().value());
    // Not twice for the same person and reason.
    assertThatThrownBy(() -> UnitFixtures.actingFor(agents, boss.user(), unit.id(), () -> subsidies.claim(application,
        "6222020200118888", "13800006666", UUID.randomUUID().toString())))
        .isInstanceOfSatisfying(HiringSubsidies.NotEligible.class, e -> assertThat(e.failed())
            .extracting(HiringSubsidies.Rule::code).containsExactly("once"));
  }

  @Test
  void aRefusalNamesTheRuleThatFailedAndNothingIsFiled() {
    var application = hired(fixtures.resident("齐普通", COUNTY));
    var rules = as(boss.user(), () -> subsidies.check(application));
    assertThat(rules).filteredOn(r -> !r.met()).extracting(HiringSubsidies.Rule::code).containsExactly("difficulty");
    long before = jdbc.sql("select count(*) from casework.case_file where item_code = ?").param(HiringSubsidies.ITEM)
        .query(Long.class).single();
    assertThatThrownBy(() -> UnitFixtures.actingFor(agents, boss.user(), unit.id(), () -> subsidies.claim(application,
        "6222020200118888", "13800006666", null)))
        .isInstanceOfSatisfying(HiringSubsidies.NotEligible.class, e -> assertThat(e.failed())
            .extracting(HiringSubsidies.Rule::basis).containsExactly("《就业促进法》第五十二条"));
    // Acting for another unit of the same person, the hire is not that unit's to claim.
    var other = register("铁西区齐家另一公司");
    var recognisedHire = hired(recognised("齐另一"));
    assertThatThrownBy(() -> UnitFixtures.actingFor(agents, boss.user(), other.id(), () -> subsidies.claim(recognisedHire,
        "6222020200118888", "13800006666", null))).isInstanceOf(UnitRefusals.NotAuthorised.class);
    assertThat(jdbc.sql("select count(*) from casework.case_file where item_code = ?").param(HiringSubsidies.ITEM)
        .query(Long.class).single()).isEqualTo(before);
  }
}
