package org.tongban.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.officerOf;
import static org.tongban.StaffFixtures.randomIdNumber;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseQueries;
import org.tongban.casework.Casework;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.CaseworkFixtures.Applicant;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.employment.internal.EmploymentFacts;
import org.tongban.identity.internal.ResidentFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.NewResident;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Key groups and the five-level figures (#13.2, #13.8): 失业登记 writes an unemployment spell that a hire ends
 * (失业人员再就业), a recognised person's hire counts in 就业困难人员实现就业, vacancies and seekers are counted per
 * occupation major group — live, and a recompute from the records arrives at the same values.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class EmploymentFiguresTests {

  static final String COUNTY = "210111"; // 苏家屯区
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Autowired Seekers seekers;
  @Autowired KeyGroups keyGroups;
  @Autowired JobApplications jobs;
  @Autowired Vacancies vacancies;
  @Autowired EmploymentFigures figures;
  @Autowired IndicatorManagement indicators;
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
  @Autowired MockMvc mvc;

  CaseworkFixtures fixtures;
  Applicant boss;
  Unit unit;

  @BeforeEach
  void aUnit() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    fixtures.office("hrss", COUNTY);
    boss = fixtures.resident("苏老板", COUNTY);
    String code = CreditCode.complete("91210111" + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000)))
        .value();
    String bossId = as(clerkOf(COUNTY, "person:unmask"), () -> residents.revealIdNumber(boss.person().id(), "登记单位"));
    unit = as(clerkOf(COUNTY), () -> units.register(new NewUnit(code, "苏家屯区苏记焊接有限公司" + System.nanoTime() % 10_000,
        UnitKind.ENTERPRISE, "C34", UnitSize.SMALL, fixtures.village(COUNTY), bossId)));
  }

  private long now(String fact, String region) {
    indicators.applyNow();
    var month = YearMonth.now(CHINA);
    return indicators.value(fact, RegionCode.of(region), month);
  }

  private Vacancy post(String occupation, int openings) {
    return UnitFixtures.actingFor(agents, boss.user(), unit.id(), () -> vacancies.post(new NewVacancy(occupation,
        occupation, openings, "6000", "8000", fixtures.village(COUNTY), null, "", LocalDate.now(CHINA).plusDays(20))));
  }

  private Applicant unemployed(String name) {
    var person = fixtures.resident(name, COUNTY);
    employmentCases().unemployed(person, COUNTY);
    return person;
  }

  private EmploymentCases employmentCases() {
    return new EmploymentCases(fixtures, applications, casework, cases, catalogue, json);
  }

  @Test
  void anUnemploymentRegistrationCountsUntilAHireEndsItAndTheRecomputeAgrees() throws Exception {
    long registered = now(EmploymentFacts.REGISTERED_UNEMPLOYED, COUNTY);
    long reemployed = now(EmploymentFacts.REEMPLOYED, COUNTY);
    long welders = now(EmploymentFacts.vacancies(6), COUNTY);
    var person = unemployed("苏失业");
    // Each approved registration counts where the person lives.
    unemployed("苏另一");
    assertThat(now(EmploymentFacts.REGISTERED_UNEMPLOYED, COUNTY)).isEqualTo(registered + 2);
    assertThat(keyGroups.of(person.person().id().value())).extracting(KeyGroups.Membership::group)
        .containsExactly(KeyGroup.UNEMPLOYED);

    var vacancy = post("焊工", 3);
    assertThat(vacancy.occupationGroup()).as("焊工 is production work (大类 6)").isEqualTo(6);
    assertThat(now(EmploymentFacts.vacancies(6), COUNTY)).isEqualTo(welders + 3);
    var application = as(person.user(), () -> jobs.apply(vacancy.id(), null));
    as(boss.user(), () -> jobs.hire(application.id(), LocalDate.now(CHINA)));

    assertThat(now(EmploymentFacts.REGISTERED_UNEMPLOYED, COUNTY)).isEqualTo(registered + 1);
    assertThat(now(EmploymentFacts.REEMPLOYED, COUNTY)).isEqualTo(reemployed + 1);
    assertThat(keyGroups.of(person.person().id().value())).isEmpty();
    assertThat(indicators.differences()).as("live facts against a recompute").isZero();

    // The bureau sees the figures by region and by occupation group; the city's row counts the county's.
    var rows = as(officerOf("2101", "hrss"), () -> figures.newJobs(RegionCode.of("2101")));
    assertThat(rows.getFirst().reemployed()).isGreaterThanOrEqualTo(1);
    assertThat(rows).filteredOn(r -> r.region().equals(RegionCode.of(COUNTY))).first()
        .satisfies(r -> assertThat(r.registeredUnemployed()).isEqualTo(registered + 1));
    var byGroup = as(officerOf(COUNTY, "hrss"), () -> figures.byOccupation(RegionCode.of(COUNTY)));
    assertThat(byGroup).hasSize(8).filteredOn(o -> o.group().code() == 6).first()
        .satisfies(o -> assertThat(o.openingsThisYear()).isGreaterThanOrEqualTo(3));
    mvc.perform(get("/workbench/employment").param("region", COUNTY + "000000").with(user(officerOf(COUNTY, "hrss"))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("id=\"by-occupation\"")))
        .andExpect(content().string(Matchers.containsString("失业人员再就业")))
        .andExpect(content().string(Matchers.containsString("职业分类大典（2022年版）")));
    // Outside the bureau's jurisdiction: not shown.
    assertThatThrownBy(() -> as(officerOf("2102", "hrss"), () -> figures.byOccupation(RegionCode.of(COUNTY))))
        .isInstanceOf(org.tongban.shared.Refusal.class);
  }

  @Test
  void aRecognisedPersonsHireCountsAsDifficultyEmployment() {
    long before = now(EmploymentFacts.DIFFICULTY_EMPLOYED, COUNTY);
    var person = fixtures.resident("苏困难", COUNTY);
    employmentCases().recognised(person, COUNTY);
    var vacancy = post("保洁员", 1);
    assertThat(vacancy.occupationGroup()).isEqualTo(4);
    var application = as(person.user(), () -> jobs.apply(vacancy.id(), null));
    as(boss.user(), () -> jobs.hire(application.id(), LocalDate.now(CHINA)));
    assertThat(now(EmploymentFacts.DIFFICULTY_EMPLOYED, COUNTY)).isEqualTo(before + 1);
    assertThat(indicators.differences()).isZero();
  }

  @Test
  void graduatesAndRuralWorkersAreFoundFromTheSeekersRecordAndTheRegistry() {
    // A household registered with a villagers' committee (村委会, code digits 10–12 in 200–399).
    String village = jdbc.sql("select code from region.region where code like '2101%' and level = 5 and valid_to is null"
        + " and substring(code, 10, 3) between '200' and '399' order by code limit 1").query(String.class).single();
    var id = randomIdNumber(village.substring(0, 6));
    var rural = as(clerkOf(village.substring(0, 6)), () -> residents.register(new NewResident("苏农民", id.value(), null,
        village, village)));
    var ruralUser = ResidentFixtures.accountFor(secrets, rural.id(), "苏农民", id);
    long seekersBefore = now(EmploymentFacts.seekers(4), village.substring(0, 6));
    var saved = as(ruralUser, () -> seekers.register(new Seekers.NewSeeker(Seeker.Education.JUNIOR, "打扫", "保洁",
        village, "3500", null, true)));
    assertThat(saved.groups()).extracting(KeyGroups.Membership::group).containsExactly(KeyGroup.RURAL);
    assertThat(saved.occupationGroup()).isEqualTo(4);
    assertThat(now(EmploymentFacts.seekers(4), village.substring(0, 6))).isEqualTo(seekersBefore + 1);
    // Picking another group moves the seeker between the groups' counts.
    as(ruralUser, () -> seekers.register(new Seekers.NewSeeker(Seeker.Education.JUNIOR, "种菜", "蔬菜种植", village,
        "3500", null, true, null, null)));
    assertThat(now(EmploymentFacts.seekers(4), village.substring(0, 6))).isEqualTo(seekersBefore);
    assertThat(now(EmploymentFacts.seekers(5), village.substring(0, 6))).isGreaterThanOrEqualTo(1);

    var graduate = fixtures.resident("苏毕业", COUNTY);
    var today = LocalDate.now(CHINA);
    var recent = as(graduate.user(), () -> seekers.register(new Seekers.NewSeeker(Seeker.Education.BACHELOR, "Java",
        "软件工程师", fixtures.village(COUNTY), "8000", null, false, 2, today.minusYears(1))));
    assertThat(recent.groups()).extracting(KeyGroups.Membership::group).contains(KeyGroup.GRADUATE);
    assertThat(recent.occupationGroup()).isEqualTo(2);
    var longAgo = as(graduate.user(), () -> seekers.register(new Seekers.NewSeeker(Seeker.Education.BACHELOR, "Java",
        "软件工程师", fixtures.village(COUNTY), "8000", null, false, 2, today.minusYears(3))));
    assertThat(longAgo.groups()).extracting(KeyGroups.Membership::group).doesNotContain(KeyGroup.GRADUATE);
    // A graduation date with schooling below college, or a group that does not exist: refused, nothing changed.
    assertThatThrownBy(() -> as(graduate.user(), () -> seekers.register(new Seekers.NewSeeker(Seeker.Education.SENIOR,
        "Java", "软件工程师", fixtures.village(COUNTY), "8000", null, false, 9, today.minusYears(1)))))
        .isInstanceOfSatisfying(EmploymentRefusals.InvalidVacancy.class, e -> assertThat(e.problems())
            .extracting(org.tongban.shared.FieldProblem::field).containsExactlyInAnyOrder("graduatedOn", "occupationGroup"));
    assertThat(as(graduate.user(), () -> seekers.mine()).orElseThrow().graduatedOn()).isEqualTo(today.minusYears(3));
    assertThat(indicators.differences()).isZero();
  }

  @Test
  void anEmploymentRegistrationCaseRecordsWorkFoundElsewhereOnce() {
    long newJobs = now(EmploymentFacts.NEW_JOBS, COUNTY);
    long registered = now(EmploymentFacts.REGISTERED_UNEMPLOYED, COUNTY);
    var person = unemployed("苏自找");
    var start = LocalDate.now(CHINA).minusDays(3);
    java.util.function.Supplier<org.tongban.casework.CaseFile> register = () -> employmentCases().approved(person,
        "hrss.employment-registration", """
            {"applicantName":"苏自找","employer":"苏家屯区某超市（平台外单位）","startDate":"%s","contactPhone":"13800005557"}"""
            .formatted(start), fixtures.office("hrss", COUNTY));
    assertThat(register.get().decision()).isEqualTo("APPROVED");
    assertThat(jdbc.sql("select unit_name from employment.employment where person_id = ?")
        .param(person.person().id().value()).query(String.class).list()).containsExactly("苏家屯区某超市（平台外单位）");
    assertThat(now(EmploymentFacts.NEW_JOBS, COUNTY)).isEqualTo(newJobs + 1);
    assertThat(now(EmploymentFacts.REGISTERED_UNEMPLOYED, COUNTY)).isEqualTo(registered);
    assertThat(keyGroups.of(person.person().id().value())).isEmpty();
    // The same work registered again is confirmed, not counted twice.
    register.get();
    assertThat(jdbc.sql("select count(*) from employment.employment where person_id = ?")
        .param(person.person().id().value()).query(Long.class).single()).isEqualTo(1);
    assertThat(now(EmploymentFacts.NEW_JOBS, COUNTY)).isEqualTo(newJobs + 1);
    assertThat(indicators.differences()).isZero();
  }
}
