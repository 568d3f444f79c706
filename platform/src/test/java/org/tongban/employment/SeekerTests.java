package org.tongban.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
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
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.CreditCode;
import org.tongban.unit.NewUnit;
import org.tongban.unit.Unit;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.UnitFixtures;
import org.tongban.unit.UnitKind;
import org.tongban.unit.UnitSize;
import org.tongban.unit.Units;
import tools.jackson.databind.json.JsonMapper;

/**
 * 求职登记 and recommendations (#13.2, #13.4): a seeker's record, refused with every problem; vacancies recommended with
 * a score that says where its points came from; seekers recommended to a unit only when they agreed to be found, by
 * surname; the 就业困难人员 group read from the case that established it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class SeekerTests {

  static final String COUNTY = "210105"; // 皇姑区
  static final String OTHER_CITY_COUNTY = "210202"; // 大连市中山区

  @Autowired Seekers seekers;
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
  @Autowired MockMvc mvc;

  CaseworkFixtures fixtures;
  Applicant seeker;
  Applicant boss;
  Unit unit;
  String marker;

  @BeforeEach
  void people() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    seeker = fixtures.resident("侯春生", COUNTY);
    boss = fixtures.resident("侯老板", COUNTY);
    marker = "S" + ThreadLocalRandom.current().nextInt(1_000_000);
    String code = CreditCode.complete("91210105" + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000)))
        .value();
    String bossId = as(clerkOf(COUNTY, "person:unmask"), () -> residents.revealIdNumber(boss.person().id(), "登记单位"));
    unit = as(clerkOf(COUNTY), () -> units.register(new NewUnit(code, "皇姑区春生物流" + marker, UnitKind.ENTERPRISE, "G",
        UnitSize.SMALL, fixtures.village(COUNTY), bossId)));
  }

  private Vacancy vacancy(String title, String occupation, String payMax, String county, String requirements) {
    return UnitFixtures.actingFor(agents, boss.user(), unit.id(), () -> vacancies.post(new NewVacancy(title + marker,
        occupation, 1, "4000", payMax, fixtures.village(county), null, requirements,
        LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30))));
  }

  private Seeker register(Applicant a, boolean findable) {
    return as(a.user(), () -> seekers.register(new Seekers.NewSeeker(Seeker.Education.SENIOR, "叉车证，仓库管理",
        "开叉车", fixtures.village(COUNTY), "5000", null, findable)));
  }

  @Test
  void aSeekersRecordIsRefusedWithEveryProblemAndKeptWhenRight() throws Exception {
    assertThatThrownBy(() -> as(seeker.user(), () -> seekers.register(new Seekers.NewSeeker(null, null, "x", "999999",
        "-1", LocalDate.now().plusYears(2), false))))
        .isInstanceOfSatisfying(EmploymentRefusals.InvalidVacancy.class, e -> assertThat(e.problems())
            .extracting(p -> p.field()).containsExactlyInAnyOrder("education", "occupation", "region", "pay",
                "availableFrom"));
    assertThat(as(seeker.user(), () -> seekers.mine())).isEmpty();
    // On the page, an unticked box means not findable.
    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/my/seeker")
            .with(user(seeker.user())).with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.csrf())
            .param("education", "BACHELOR").param("occupation", "会计").param("skills", "记账、报税")
            .param("region", fixtures.village(COUNTY)).param("pay", "6000"))
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/my/jobs"));
    assertThat(as(seeker.user(), () -> seekers.mine()).orElseThrow()).satisfies(s -> {
      assertThat(s.findable()).isFalse();
      assertThat(s.skills()).containsExactly("记账", "报税");
    });
    var saved = register(seeker, true);
    assertThat(saved.skills()).containsExactly("叉车证", "仓库管理");
    assertThat(saved.payCents()).isEqualTo(500_000);
    // Acting for a unit, a person keeps no seeker's record.
    assertThatThrownBy(() -> UnitFixtures.actingFor(agents, boss.user(), unit.id(), () -> seekers.register(
        new Seekers.NewSeeker(Seeker.Education.SENIOR, null, "开叉车", COUNTY, null, null, false))))
        .isInstanceOf(JobApplications.NotASeeker.class);
  }

  @Test
  void vacanciesAreRecommendedWithAScoreThatExplainsItself() throws Exception {
    register(seeker, false);
    var near = vacancy("叉车司机", "叉车司机", "6000", COUNTY, "持叉车证");
    var far = vacancy("叉车工", "叉车司机", "6000", OTHER_CITY_COUNTY, "");
    var cook = vacancy("厨师", "中式烹调师", "9000", COUNTY, "");
    var list = as(seeker.user(), () -> seekers.recommendedVacancies()).stream()
        .filter(m -> m.item().title().endsWith(marker)).toList();
    assertThat(list).extracting(m -> m.item().id()).containsExactly(near.id(), far.id());
    var best = list.getFirst();
    assertThat(best.reasons()).extracting(Match.Reason::part).contains("occupation", "skills", "place-county", "pay");
    assertThat(best.score()).isEqualTo(best.reasons().stream().mapToInt(Match.Reason::points).sum());
    assertThat(list.get(1).reasons()).extracting(Match.Reason::part).doesNotContain("place-county", "place-city");
    assertThat(list).noneMatch(m -> m.item().id().equals(cook.id()));
    var page = mvc.perform(get("/my/jobs").with(user(seeker.user()))).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("为您推荐").contains("叉车司机" + marker).contains("工种对口（叉车）+40").contains("地点：同一区县 +20");
  }

  @Test
  void aUnitSeesOnlySeekersWhoAgreedToBeFoundAndOnlyTheirSurname() throws Exception {
    var hidden = fixtures.resident("侯隐身", COUNTY);
    register(seeker, true);
    register(hidden, false);
    var v = vacancy("叉车司机", "叉车司机", "6000", COUNTY, "持叉车证");
    var found = UnitFixtures.actingFor(agents, boss.user(), unit.id(), () -> seekers.recommendedFor(v.id()));
    assertThat(found).extracting(m -> m.item().personId()).contains(seeker.person().id().value())
        .doesNotContain(hidden.person().id().value());
    // Someone with nothing to do with the unit is told the vacancy does not exist.
    assertThatThrownBy(() -> as(seeker.user(), () -> seekers.recommendedFor(v.id())))
        .isInstanceOf(EmploymentRefusals.VacancyNotFound.class);
    var page = mvc.perform(get("/my/units/vacancies/" + v.id()).with(user(boss.user()))).andReturn().getResponse()
        .getContentAsString();
    assertThat(page).contains("推荐的求职者").contains("侯**").doesNotContain("侯春生").doesNotContain("侯隐身");
  }

  @Test
  void windowStaffRegisterASeekerForAResidentOfTheirAreaAndSeeTheSeekersThere() throws Exception {
    String id = as(clerkOf(COUNTY, "person:unmask"), () -> residents.revealIdNumber(seeker.person().id(), "帮办求职登记"));
    var form = new Seekers.NewSeeker(Seeker.Education.JUNIOR, "电焊", "电焊" + marker, fixtures.village(COUNTY), null, null, true);
    assertThatThrownBy(() -> as(clerkOf("210102"), () -> seekers.registerFor(id, form)))
        .isInstanceOf(org.tongban.shared.Refusal.class);
    var saved = as(clerkOf(COUNTY), () -> seekers.registerFor(id, form));
    assertThat(saved.personId()).isEqualTo(seeker.person().id().value());
    assertThat(as(clerkOf(COUNTY), () -> seekers.inJurisdiction(0, 100)).items()).extracting(Seeker::occupation)
        .contains("电焊" + marker);
    assertThat(as(clerkOf("210102"), () -> seekers.inJurisdiction(0, 100)).items()).extracting(Seeker::occupation)
        .doesNotContain("电焊" + marker);
    var page = mvc.perform(get("/workbench/seekers").with(user(clerkOf(COUNTY)))).andReturn().getResponse()
        .getContentAsString();
    assertThat(page).contains("电焊" + marker).contains("侯春生");
  }

  @Test
  void anApprovedDifficultyCaseMakesTheSeekerOneOfThePriorityGroup() {
    var c = new EmploymentCases(fixtures, applications, casework, cases, catalogue, json).recognised(seeker, COUNTY);
    assertThat(c.decision()).isEqualTo("APPROVED");
    assertThat(register(seeker, false).difficulty()).isTrue();
    assertThat(register(boss, false).difficulty()).isFalse();
  }
}
