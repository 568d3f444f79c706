package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.officerOf;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseQueries;
import org.tongban.casework.Casework;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.employment.Seeker;
import org.tongban.employment.Seekers;
import org.tongban.identity.NewStaff;
import org.tongban.identity.Role;
import org.tongban.identity.StaffAccounts;
import org.tongban.identity.internal.ResidentFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.insurance.BenefitStandards;
import org.tongban.insurance.Declarations;
import org.tongban.insurance.Enrolments;
import org.tongban.insurance.GeneratedInsurance;
import org.tongban.insurance.Insurance;
import org.tongban.insurance.InsuranceParameters;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.NewResident;
import org.tongban.person.Residents;
import org.tongban.shared.CreditCode;
import org.tongban.shared.IdNumber;
import org.tongban.shared.RegionCode;
import org.tongban.unit.NewUnit;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.UnitFixtures;
import org.tongban.unit.UnitKind;
import org.tongban.unit.UnitSize;
import org.tongban.unit.Units;
import tools.jackson.databind.json.JsonMapper;

/**
 * The social-insurance journey (#14.10): laid off by her employer after a year and more of contributions, a woman
 * enrols as a flexible worker — refused in a district where she neither lives nor works, accepted where she lives —
 * and pays her month; she loses her card and the 12333 agent reports it lost by phone; later she stops flexible work,
 * claims unemployment benefit and sees the months and the amount computed from her record, rule by rule.
 * Screenshots 90–97.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class InsuranceJourneyTests {

  static final String COUNTY = "210105"; // 皇姑区
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired StaffAccounts accounts;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired PasswordEncoder passwords;
  @Autowired Units units;
  @Autowired UnitAgents agents;
  @Autowired InsuranceParameters parameters;
  @Autowired BenefitStandards standards;
  @Autowired Enrolments enrolments;
  @Autowired Declarations declarations;
  @Autowired GeneratedInsurance generated;
  @Autowired Applications applications;
  @Autowired Casework casework;
  @Autowired CaseQueries cases;
  @Autowired ServiceCatalogue catalogue;
  @Autowired Seekers seekers;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  Playwright playwright;
  Browser browser;
  IdNumber herId;
  String villageName;
  String elsewhereName;
  final String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));

  static YearMonth now() {
    return YearMonth.now(CHINA);
  }

  @BeforeAll
  void herRecord() throws Exception {
    Files.createDirectories(BrowserJourneyTests.SHOTS);
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    var hrss = fixtures.office("hrss", COUNTY);
    String village = village(COUNTY);
    villageName = name(village);
    elsewhereName = name(village("210102"));
    // The agency's parameters: the province's average wage and rates, Shenyang's benefit standard (test figures).
    var province = officerOf("21", "hrss");
    for (int y = now().getYear() - 2; y <= now().getYear(); y++) {
      int year = y;
      if (parameters.band(RegionCode.of(COUNTY), year).isEmpty()) {
        as(province, () -> parameters.recordAverageWage("21", year, 800_000, "测试用平均工资（非统计公报）"));
      }
    }
    if (parameters.rate(Insurance.UNEMPLOYMENT, "EMPLOYEE", RegionCode.of(COUNTY), YearMonth.of(2020, 1), 0).isEmpty()) {
      as(province, () -> parameters.recordRate(Insurance.UNEMPLOYMENT, "EMPLOYEE", "21", 0, 50, 50, 0,
          YearMonth.of(2020, 1), "测试用费率通知"));
    }
    var today = LocalDate.now(CHINA);
    if (standards.at(RegionCode.of(COUNTY), today).filter(s -> s.effectiveFrom().equals(today)).isEmpty()) {
      as(officerOf("2101", "hrss"), () -> standards.record("2101", "1500", "沈阳市测试用失业保险金标准", today));
    }
    // She worked at a warehouse for thirteen months; it let her go three months ago.
    herId = org.tongban.StaffFixtures.idNumberBorn(COUNTY, "19860412");
    var her = as(clerkOf(COUNTY), () -> residents.register(new NewResident("王秀兰", herId.value(), null, village, village)));
    // One account, used here for what happened before the journey and by her in the browser with her password.
    var account = ResidentFixtures.accountFor(secrets, her.id(), "王秀兰", herId, phone);
    jdbc.sql("update identity.resident_account set password_hash = ? where person_id = ?")
        .params(passwords.encode("Journey-2026-home"), her.id().value()).update();
    var bossId = org.tongban.StaffFixtures.idNumberBorn(COUNTY, "19700101");
    var boss = as(clerkOf(COUNTY), () -> residents.register(new NewResident("孙仓储", bossId.value(), null, village, village)));
    var bossUser = ResidentFixtures.accountFor(secrets, boss.id(), "孙仓储", bossId);
    var unit = as(clerkOf(COUNTY), () -> units.register(new NewUnit(CreditCode.complete("91" + COUNTY
        + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000))).value(), "皇姑区孙氏仓储有限公司"
        + System.nanoTime() % 10_000, UnitKind.ENTERPRISE, "G59", UnitSize.SMALL, village, bossId.value())));
    var first = now().minusMonths(15);
    UnitFixtures.actingFor(agents, bossUser, unit.id(), () -> enrolments.enrolEmployee(herId.value(),
        EnumSet.of(Insurance.PENSION, Insurance.UNEMPLOYMENT), first));
    for (var m = first; m.isBefore(now().minusMonths(2)); m = m.plusMonths(1)) {
      var month = m;
      UnitFixtures.actingFor(agents, bossUser, unit.id(), () -> declarations.declare(month,
          List.of(new Declarations.Line(herId.value(), "5200", null))));
      UnitFixtures.actingFor(agents, bossUser, unit.id(), () -> declarations.pay(month));
    }
    UnitFixtures.actingFor(agents, bossUser, unit.id(), () -> enrolments.endEmployment(her.id().value(),
        now().minusMonths(3), Enrolments.EndReason.INVOLUNTARY));
    // Her 失业登记 was approved at the county, and she registered as a seeker; her card is in use.
    var registration = as(account, () -> applications.apply(new NewApplication("hrss.unemployment-registration", her.id(),
        Channel.WEB, RegionBasis.RESIDENCE, null, json.readTree("""
            {"applicantName":"王秀兰","endDate":"%s","endReason":"用人单位解除","contactPhone":"%s"}"""
            .formatted(now().minusMonths(3).atEndOfMonth(), phone)), null, null)));
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, account, registration.id());
    fixtures.approve(casework, cases, account, registration.id(), hrss);
    as(account, () -> seekers.register(new Seekers.NewSeeker(Seeker.Education.SENIOR, "仓库管理", "仓库管理员", village,
        "4500", null, false)));
    generated.card(her.id().value(), RegionCode.of("2101"), true);
    // The 12333 agent of the district.
    if (accounts.find("huanggu-12333").isEmpty()) {
      accounts.create(new NewStaff("huanggu-12333", "皇姑区12333坐席", hrss.id(), EnumSet.of(Role.OFFICER),
          Set.of(new Scope(hrss.region(), "hrss", Purpose.CAPTURE), new Scope(hrss.region(), "hrss", Purpose.SEARCH)),
          Set.of()), "Journey-2026-pass");
    }
  }

  private String village(String county) {
    return jdbc.sql("select code from region.region where code like ? and level = 5 and valid_to is null order by code"
        + " limit 1").param(county + "%").query(String.class).single();
  }

  private String name(String code) {
    return jdbc.sql("select name from region.region where code = ? and valid_to is null").param(code)
        .query(String.class).single();
  }

  @AfterAll
  void close() {
    browser.close();
    playwright.close();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(BrowserJourneyTests.SHOTS.resolve(name + ".png")));
  }

  private BrowserContext zh() {
    return browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"));
  }

  private void pickWorkPlace(Page page, String villageName, String county) {
    page.fill("#workPlace-q", villageName);
    page.click("#workPlace-choices label.choice:has-text('" + county + "') input >> nth=0");
  }

  @Test
  void aFlexibleWorkerEnrolsWhereSheWorksLosesHerCardAndClaimsUnemploymentBenefit() {
    try (var context = zh()) {
      var page = SignInSteps.residentSignsIn(context, url(""), phone, "Journey-2026-home");
      page.navigate(url("/my/insurance"));
      assertThat(page.textContent("#years")).contains("失业保险").contains("13");
      shot(page, "90-insurance-record");
      // 1. Flexible work: refused in 和平区 (she neither lives nor works there), enrolled in 皇姑区 where she lives.
      pickWorkPlace(page, elsewhereName, "和平区");
      page.click("#flexible-form button[type=submit]");
      page.waitForSelector("#refusal");
      assertThat(page.textContent("#refusal")).contains("只能在就业地参保").contains("第十条");
      shot(page, "91-flexible-enrolment-refused-elsewhere");
      pickWorkPlace(page, villageName, "皇姑区");
      page.click("#flexible-form button[type=submit]");
      page.waitForSelector("#done-notice");
      assertThat(page.textContent("#enrolments")).contains("灵活就业").contains("皇姑区");
      // 2. She pays this month at the floor of the band.
      page.click("#pay-form button[type=submit]");
      page.waitForSelector("#done-notice");
      assertThat(page.textContent("#done-notice")).contains("缴费成功");
      shot(page, "92-flexible-month-paid");
    }
    // 3. Her card is lost: she calls 12333, the agent checks who she is and reports it lost at once.
    var agentContext = zh();
    var desk = agentContext.newPage();
    SignInSteps.signInAndEnrolAuthenticator(desk, url(""), "huanggu-12333", "Journey-2026-pass", null);
    desk.navigate(url("/workbench/insurance"));
    desk.fill("#l-id", herId.value());
    desk.selectOption("#l-channel", "PHONE");
    desk.fill("#l-check", "核对姓名、身份证后四位和预留手机号");
    shot(desk, "93-agent-reports-the-card-lost");
    desk.click("#loss-form button[type=submit]");
    desk.waitForSelector("#done-notice");
    assertThat(desk.textContent("#done-notice")).contains("临时挂失");
    agentContext.close();
    try (var context = zh()) {
      var page = SignInSteps.residentSignsIn(context, url(""), phone, "Journey-2026-home");
      page.navigate(url("/my/insurance"));
      assertThat(page.textContent("#card-status")).contains("临时挂失");
      assertThat(page.locator("#ecard-link").count()).isZero();
      shot(page, "94-card-reported-lost");
      // 4. While she works flexibly, the benefit is not yet hers: the page says which rule, and what she would get.
      page.navigate(url("/my/insurance/unemployment"));
      assertThat(page.getAttribute("#finding-not-working", "class")).contains("unmet");
      assertThat(page.textContent("#benefit-would-be")).contains("12").contains("1500.00");
      shot(page, "95-benefit-not-while-working");
      // 5. She stops flexible work; now every rule is met: 12 months (13 months paid, art. 46) at Shenyang's standard.
      page.navigate(url("/my/insurance"));
      page.click("#end-flexible-form button[type=submit]");
      page.waitForSelector("#done-notice");
      page.navigate(url("/my/insurance/unemployment"));
      assertThat(page.textContent("#benefit-months")).isEqualTo("12");
      assertThat(page.textContent("#benefit-monthly")).contains("1500.00");
      assertThat(page.textContent("#finding-paid-year")).contains("第四十五条").contains("13 个月");
      assertThat(page.textContent("#finding-involuntary")).contains("非本人意愿");
      shot(page, "96-benefit-computed-rule-by-rule");
      page.fill("#u-bank", "6217000000000000123");
      page.fill("#u-phone", phone);
      page.click("#claim-form button[type=submit]");
      page.waitForURL(u -> u.contains("/my/cases/"));
      assertThat(page.textContent("main")).contains("失业保险金申领");
      shot(page, "97-benefit-claimed");
    }
  }
}
