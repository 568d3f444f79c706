package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.StaffFixtures.as;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.casework.CaseAction;
import org.tongban.casework.CaseFile;
import org.tongban.casework.CaseQueries;
import org.tongban.casework.Casework;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.Ratings;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.identity.NewStaff;
import org.tongban.identity.Role;
import org.tongban.identity.StaffAccounts;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.RegionCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The supervisor's journey (#12.9): 沈阳市's 效能监督 sees a case of 和平区 near its limit and the 好差评 by office with
 * the bad rating a resident gave; a window clerk who opens the page is told in words who it is for. Screenshots 70–72.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class SupervisionJourneyTests {

  @LocalServerPort int port;
  @Autowired StaffAccounts accounts;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired org.tongban.casework.Applications applications;
  @Autowired Casework casework;
  @Autowired CaseQueries cases;
  @Autowired ServiceCatalogue catalogue;
  @Autowired Ratings ratings;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  Playwright playwright;
  Browser browser;
  CaseFile nearLimit;

  @BeforeAll
  void setUp() throws Exception {
    Files.createDirectories(BrowserJourneyTests.SHOTS);
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    var hrss = fixtures.office("hrss", "210102");
    var hall = fixtures.office("government-services", "210102");
    var officer = fixtures.staff(hrss);
    // A resident's benefit claim, accepted; the clock has run until one day is left (as after 14 working days).
    var resident = fixtures.resident("苗凤兰", "210102");
    nearLimit = as(resident.user(), () -> applications.apply(new org.tongban.casework.NewApplication(
        "hrss.unemployment-benefit", resident.person().id(), org.tongban.casework.Channel.WEB,
        org.tongban.casework.RegionBasis.RESIDENCE, null, json.readTree("""
            {"applicantName":"苗凤兰","endDate":"2026-10-31","endReason":"合同期满","bankAccount":"6222020200112233","contactPhone":"13800007777"}"""),
        null, null)));
    CaseworkFixtures.supplyRequired(casework, cases, catalogue, resident.user(), nearLimit.id());
    as(officer, () -> casework.act(nearLimit.id(), CaseAction.PASS, null));
    as(officer, () -> casework.act(nearLimit.id(), CaseAction.ACCEPT, null));
    jdbc.sql("update casework.case_file set due_date = current_date + 1 where id = ?").param(nearLimit.id().value())
        .update();
    // Another of her cases, decided, and rated badly.
    var done = as(resident.user(), () -> applications.apply(new org.tongban.casework.NewApplication(
        "hrss.unemployment-registration", resident.person().id(), org.tongban.casework.Channel.WEB,
        org.tongban.casework.RegionBasis.RESIDENCE, null, json.readTree("""
            {"applicantName":"苗凤兰","endDate":"2026-10-31","endReason":"合同期满","contactPhone":"13800007777"}"""),
        null, null)));
    as(officer, () -> casework.act(done.id(), CaseAction.PASS, null));
    as(officer, () -> casework.act(done.id(), CaseAction.APPROVE, null));
    as(resident.user(), () -> ratings.rate(done.id(), new Ratings.Scores(1, 2, 1, 2, 1, "来回跑了三趟")));
    var shenyang = RegionCode.of("2101");
    if (accounts.find("shenyang-supervisor").isEmpty()) {
      accounts.create(new NewStaff("shenyang-supervisor", "沈阳市效能监督", hall.id(), EnumSet.of(Role.SUPERVISOR),
          Set.of(new Scope(shenyang, Scope.ANY_DEPARTMENT, Purpose.VIEW), new Scope(shenyang, Scope.ANY_DEPARTMENT,
              Purpose.SEARCH)), Set.of()), "Journey-2026-pass");
    }
    if (accounts.find("heping-clerk-sv").isEmpty()) {
      accounts.create(new NewStaff("heping-clerk-sv", "和平区窗口", hall.id(), EnumSet.of(Role.CLERK),
          Set.of(new Scope(hall.region(), Scope.ANY_DEPARTMENT, Purpose.CAPTURE), new Scope(hall.region(),
              Scope.ANY_DEPARTMENT, Purpose.SEARCH)), Set.of()), "Journey-2026-pass");
    }
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

  @Test
  void aSupervisorSeesCasesNearTheirLimitAndBadRatingsAndAClerkIsToldWhoThePageIsFor() {
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      var page = context.newPage();
      SignInSteps.signInAndEnrolAuthenticator(page, url(""), "shenyang-supervisor", "Journey-2026-pass", null);
      page.navigate(url("/supervision"));
      var row = page.locator("tr:has-text('" + nearLimit.number() + "')");
      assertThat(row.count()).isEqualTo(1);
      assertThat(row.textContent()).contains("失业保险金申领").contains("临近时限");
      var office = page.locator("tr:has-text('" + organisations.find(nearLimit.competentOffice()).orElseThrow().name() + "')");
      assertThat(office.count()).isPositive();
      // 差评 is the second-to-last column: at least the one she gave.
      assertThat(Integer.parseInt(office.first().locator("td").nth(7).textContent().strip())).isPositive();
      shot(page, "70-supervision-deadlines-and-ratings");
      page.click("a:text-is('按事项')");
      page.waitForURL(u -> u.contains("by=item"));
      assertThat(page.textContent("main")).contains("失业登记");
      shot(page, "71-supervision-ratings-by-item");
    }
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      var page = context.newPage();
      SignInSteps.signInAndEnrolAuthenticator(page, url(""), "heping-clerk-sv", "Journey-2026-pass", null);
      var response = page.navigate(url("/supervision"));
      assertThat(response.status()).isEqualTo(403);
      assertThat(page.textContent("main")).contains("无权打开此页面").contains("效能监督人员").contains("系统管理员");
      shot(page, "72-supervision-denied-to-a-clerk");
    }
  }
}
