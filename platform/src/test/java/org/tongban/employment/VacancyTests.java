package org.tongban.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.officerOf;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.BrowserSession;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.CaseworkFixtures.Applicant;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.CreditCode;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.RegionCode;
import org.tongban.unit.AgentScope;
import org.tongban.unit.NewUnit;
import org.tongban.unit.Unit;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.UnitFixtures;
import org.tongban.unit.UnitKind;
import org.tongban.unit.UnitRefusals;
import org.tongban.unit.UnitSize;
import org.tongban.unit.Units;

/**
 * Vacancies (#13.3, #13.4): checked before publication — pay against the minimum wage on record, discriminatory
 * requirements and fees, each refusal naming its article, all at once, nothing written; posted only by people acting
 * for the unit with the recruit scope; suspended by the labour bureau of the place; found on the public board in the
 * words people use.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class VacancyTests {

  @Autowired Vacancies vacancies;
  @Autowired JobBoard board;
  @Autowired MinimumWages wages;
  @Autowired Units units;
  @Autowired UnitAgents agents;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired OrganisationDirectory organisations;
  @Autowired JdbcClient jdbc;
  @Autowired org.tongban.indicator.IndicatorManagement indicators;
  @Autowired MockMvc mvc;

  /** 铁岭市 has no minimum wage entered by any test; 和平区 gets one in each test that needs it. */
  static final String HEPING = "210102";
  static final String TIELING_COUNTY = "211221";

  CaseworkFixtures fixtures;
  Applicant boss;
  Applicant applyOnly;
  Unit unit;
  String village;

  @BeforeEach
  void aUnit() {
    fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    boss = fixtures.resident("任建国", HEPING);
    applyOnly = fixtures.resident("任小办", HEPING);
    village = fixtures.village(HEPING);
    String code = CreditCode.complete("91210102" + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000)))
        .value();
    unit = as(clerkOf(HEPING), () -> units.register(new NewUnit(code, "和平区建国物流有限公司" + System.nanoTime() % 10_000,
        UnitKind.ENTERPRISE, "G59", UnitSize.MEDIUM, village, idNumberOf(boss))));
    as(boss.user(), () -> agents.grant(unit.id(), idNumberOf(applyOnly), EnumSet.of(AgentScope.APPLY),
        LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(1)));
  }

  private String idNumberOf(Applicant a) {
    return as(clerkOf(HEPING, "person:unmask"), () -> residents.revealIdNumber(a.person().id(), "登记单位"));
  }

  private static LocalDate inAMonth() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30);
  }

  private Vacancy posted(String title, String occupation, String payMin, String region, String requirements) {
    return UnitFixtures.actingFor(agents, boss.user(), unit.id(), () -> vacancies.post(new NewVacancy(title, occupation,
        3, payMin, null, region, "南京北街1号", requirements, inAMonth())));
  }

  private long vacanciesTitled(String title) {
    return jdbc.sql("select count(*) from employment.vacancy where title = ?").param(title).query(Long.class).single();
  }

  private void minimumWageInHeping(String yuan) {
    var day = LocalDate.of(2020, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(2000));
    as(officerOf("2101", "hrss"), () -> wages.record(HEPING, yuan, null, "测试用最低工资通知" + day, day));
  }

  @Test
  void payBelowTheMinimumWageOnRecordIsRefusedAndWithoutOneThePayIsMarkedUnchecked() {
    minimumWageInHeping("3000");
    var below = "低薪岗位" + System.nanoTime();
    assertThatThrownBy(() -> posted(below, "仓库管理员", "2500", village, ""))
        .isInstanceOfSatisfying(EmploymentRefusals.InvalidVacancy.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::code).containsExactly("vacancy-below-minimum-wage"));
    assertThat(vacanciesTitled(below)).isZero();
    var ok = posted("仓库管理员" + System.nanoTime() % 1000, "仓库管理员", "3200", village, "能吃苦");
    assertThat(ok.wageChecked()).isTrue();
    assertThat(ok.status()).isEqualTo(VacancyStatus.OPEN);
    var unchecked = posted("铁岭装卸工" + System.nanoTime() % 1000, "装卸搬运工", "1500", TIELING_COUNTY, "");
    assertThat(unchecked.wageChecked()).isFalse();
    // The most specific region wins: a county's own figure over its city's.
    var county = wages.at(RegionCode.of(village), LocalDate.now(ZoneId.of("Asia/Shanghai"))).orElseThrow();
    assertThat(county.region()).isEqualTo(RegionCode.of(HEPING));
  }

  @Test
  void discriminatoryRequirementsAndFeesAreRefusedAllAtOnceWithTheirArticles() {
    var title = "歧视岗位" + System.nanoTime();
    assertThatThrownBy(() -> posted(title, "保安员", "4000", TIELING_COUNTY, "限男性，未婚，本地户口，无乙肝，入职交押金500元"))
        .isInstanceOfSatisfying(EmploymentRefusals.InvalidVacancy.class, e -> {
          assertThat(e.problems()).extracting(FieldProblem::code).containsExactlyInAnyOrder("vacancy-rule-sex",
              "vacancy-rule-marriage", "vacancy-rule-hukou", "vacancy-rule-carrier", "vacancy-rule-fee");
          assertThat(e.problems()).filteredOn(p -> p.code().equals("vacancy-rule-carrier")).singleElement()
              .satisfies(p -> assertThat(p.arguments()).containsExactly("乙肝", "《就业促进法》第三十条"));
        });
    assertThat(vacanciesTitled(title)).isZero();
  }

  @Test
  void onlyPeopleActingForTheUnitWithTheRecruitScopePost() {
    var title = "无权发布" + System.nanoTime();
    var vacancy = new NewVacancy(title, "叉车司机", 1, "5000", null, village, null, "", inAMonth());
    assertThatThrownBy(() -> as(boss.user(), () -> vacancies.post(vacancy))).isInstanceOf(UnitRefusals.NotAuthorised.class);
    assertThatThrownBy(() -> UnitFixtures.actingFor(agents, applyOnly.user(), unit.id(), () -> vacancies.post(vacancy)))
        .isInstanceOf(UnitRefusals.BeyondScope.class);
    assertThat(vacanciesTitled(title)).isZero();
  }

  @Test
  void theBoardFindsEverydayWordsAndTheBureauSuspendsWithAReason() throws Exception {
    String marker = "B" + System.nanoTime() % 100_000;
    var forklift = posted("叉车司机" + marker, "叉车司机", "5200", village, "持叉车证，会开内燃叉车");
    var nurse = posted("母婴护理员" + marker, "母婴护理员", "6800", village, "有育婴员证优先");
    assertThat(board.search("开叉车 " + marker, null, null, 0, 20).items()).extracting(Vacancy::id)
        .containsExactly(forklift.id());
    assertThat(board.search("月嫂 " + marker, RegionCode.of(HEPING), null, 0, 20).items()).extracting(Vacancy::id)
        .containsExactly(nurse.id());
    assertThat(board.search(marker, null, 6000 * 100, 0, 20).items()).extracting(Vacancy::id).containsExactly(nurse.id());
    assertThat(board.search(marker, RegionCode.of("5105"), null, 0, 20).items()).isEmpty();
    // The character-pair index only narrows: single characters, quotes and operators are searched as typed.
    assertThat(board.search("叉 " + marker, null, null, 0, 20).items()).extracting(Vacancy::id).containsExactly(forklift.id());
    assertThat(board.search("叉'车 & | ! " + marker, null, null, 0, 20).items()).isEmpty();
    assertThat(board.search("持叉车证 " + marker, null, null, 0, 20).items()).extracting(Vacancy::id)
        .containsExactly(forklift.id());
    var page = mvc.perform(get("/jobs").param("q", "开叉车 " + marker)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString();
    assertThat(page).contains("叉车司机" + marker).doesNotContain("母婴护理员" + marker).contains("5,200–5,200 元/月");
    // Where the matches are: per city without a region, per county within a city; the page lists them with links.
    assertThat(board.spread(marker, null, null).counts()).containsEntry(RegionCode.of("210100000000"), 2L);
    var spread = board.spread(marker, RegionCode.of("2101"), null);
    assertThat(spread.level()).isEqualTo(org.tongban.shared.RegionLevel.COUNTY);
    assertThat(spread.counts()).containsExactly(java.util.Map.entry(RegionCode.of(HEPING + "000000"), 2L));
    assertThat(spread.capped()).isFalse();
    assertThat(page).contains("id=\"job-map\"", "id=\"job-spread\"", "region=210100000000");
    mvc.perform(get("/api/vacancies").param("q", "月嫂 " + marker)).andExpect(jsonPath("$.total").value(1));
    // Another county's bureau does not reach it; its own does, with a reason, once.
    assertThatThrownBy(() -> as(officerOf("2102", "hrss"), () -> vacancies.suspend(forklift.id(), "核实岗位信息")))
        .isInstanceOf(org.tongban.shared.Refusal.class);
    assertThatThrownBy(() -> as(officerOf(HEPING, "hrss"), () -> vacancies.suspend(forklift.id(), "查")))
        .isInstanceOf(EmploymentRefusals.ReasonRequired.class);
    var suspended = as(officerOf(HEPING, "hrss"), () -> vacancies.suspend(forklift.id(), "举报称收取押金，核实期间暂停"));
    assertThat(suspended.status()).isEqualTo(VacancyStatus.SUSPENDED);
    assertThatThrownBy(() -> as(officerOf(HEPING, "hrss"), () -> vacancies.suspend(forklift.id(), "再次暂停试试")))
        .isInstanceOf(EmploymentRefusals.WrongState.class);
    mvc.perform(get("/jobs/" + forklift.id())).andExpect(status().isNotFound());
    mvc.perform(get("/jobs/" + nurse.id())).andExpect(status().isOk());
    // The unit sees why, on its page, while acting for it.
    var session = BrowserSession.in(mvc);
    session.perform(post("/my/units/act").param("unit", unit.id().toString()).with(user(boss.user()))
        .with(csrf())).andExpect(status().is3xxRedirection());
    assertThat(session.perform(get("/my/units/vacancies").with(user(boss.user()))).andReturn().getResponse()
        .getContentAsString()).contains("举报称收取押金，核实期间暂停");
  }

  @Test
  void theUnitsPagePostsAndNamesEveryProblemInEnglishToo() throws Exception {
    var session = BrowserSession.in(mvc);
    session.perform(post("/my/units/act").param("unit", unit.id().toString()).with(user(boss.user()))
        .with(csrf())).andExpect(status().is3xxRedirection());
    var refused = session.perform(post("/my/units/vacancies").with(user(boss.user())).with(csrf())
            .header("Accept-Language", "en").param("title", "Driver").param("occupation", "货车司机").param("openings", "2")
            .param("payMin", "4800").param("region", TIELING_COUNTY).param("requirements", "男性优先")
            .param("closingDate", inAMonth().toString()))
        .andReturn().getResponse().getContentAsString();
    assertThat(refused).contains("A requirement on sex (“男性优先”)");
    var title = "货车司机" + System.nanoTime() % 10_000;
    session.perform(post("/my/units/vacancies").with(user(boss.user())).with(csrf()).param("title", title)
            .param("occupation", "货车司机").param("openings", "2").param("payMin", "4800").param("payMax", "6500")
            .param("region", TIELING_COUNTY).param("closingDate", inAMonth().toString()))
        .andExpect(status().is3xxRedirection());
    assertThat(vacanciesTitled(title)).isEqualTo(1);
  }

  @Test
  void aCommonWordFillsItsPagesFromTheNewestAndARareOneIsFoundWhereverItIs() {
    // 130 new vacancies of one word (the newest on the board), and one old one paying more, in another county.
    String marker = "W" + System.nanoTime() % 100_000;
    var older = posted("木工" + marker + "老", "木工", "9000", village, "");
    jdbc.sql("update employment.vacancy set created_at = now() - interval '100 days' where id = ?").param(older.id())
        .update();
    jdbc.sql("insert into employment.vacancy (id, unit_id, unit_code, unit_name, title, occupation, openings, pay_min_cents,"
            + " pay_max_cents, region_code, requirements, closing_date, status, wage_checked, posted_by, generated, created_at)"
            + " select gen_random_uuid(), ?, ?, ?, '木工' || ? || i || '（生成）', '木工', 1, 400000, 500000, '510502001001',"
            + " '', current_date + 30, 'OPEN', false, 'generated', true, now() + make_interval(secs => i)"
            + " from generate_series(1, 130) i")
        .params(unit.id(), unit.creditCode().value(), unit.name(), marker).update();
    // Rows written past the service: the figures are rebuilt from the records, as an operator would after a load.
    indicators.recompute();
    var first = board.search("木工 " + marker, null, null, 0, 20);
    assertThat(first.total()).as("more than 100").isEqualTo(JobBoard.TOTAL_CAP + 1);
    assertThat(first.items()).extracting(Vacancy::title).first().isEqualTo("木工" + marker + "130（生成）");
    assertThat(board.search("木工 " + marker, null, null, 2, 20).items()).extracting(Vacancy::title)
        .first().isEqualTo("木工" + marker + "90（生成）");
    // Past the newest: the one in 和平区, and the one paying 9,000, are found by the index.
    var here = board.search("木工 " + marker, RegionCode.of(HEPING), null, 0, 20);
    assertThat(here.items()).extracting(Vacancy::id).containsExactly(older.id());
    assertThat(here.total()).isEqualTo(1);
    assertThat(board.search("木工 " + marker, null, 8000 * 100, 0, 20).items()).extracting(Vacancy::id)
        .containsExactly(older.id());
    assertThat(board.search("木工 " + marker, null, 60_000 * 100, 0, 20).items()).isEmpty();
    assertThat(board.search("木工 " + marker, RegionCode.of("510502"), null, 6, 20).items()).extracting(Vacancy::title)
        .containsExactly("木工" + marker + "10（生成）", "木工" + marker + "9（生成）", "木工" + marker + "8（生成）",
            "木工" + marker + "7（生成）", "木工" + marker + "6（生成）", "木工" + marker + "5（生成）",
            "木工" + marker + "4（生成）", "木工" + marker + "3（生成）", "木工" + marker + "2（生成）",
            "木工" + marker + "1（生成）");
  }
}
