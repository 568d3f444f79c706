package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
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
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.identity.NewStaff;
import org.tongban.identity.Role;
import org.tongban.identity.StaffAccounts;
import org.tongban.shared.RegionCode;

/** A planner of 沈阳市 opens the cockpit, drills into a target and sees its trend. Screenshots 40–41. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class PlanningJourneyTests {

  @LocalServerPort int port;
  @Autowired StaffAccounts accounts;
  @Autowired org.tongban.region.RegionBoundaries boundaries;
  @Autowired org.tongban.facility.FacilityRegistry registry;
  @Autowired org.tongban.indicator.IndicatorManagement indicators;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  Playwright playwright;
  Browser browser;

  @BeforeAll
  void setUp() throws Exception {
    Files.createDirectories(BrowserJourneyTests.SHOTS);
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
    if (accounts.find("shenyang-planner").isEmpty()) {
      accounts.create(new NewStaff("shenyang-planner", "沈阳市规划员", null, EnumSet.of(Role.OFFICER),
          Set.of(new Scope(RegionCode.of("2101"), Scope.ANY_DEPARTMENT, Purpose.VIEW)), Set.of()), "Journey-2026-pass");
    }
    // Care homes in two districts, so that the map of 护理型床位占比 has values and its legend ranges.
    String[][] homes = {{"210102", "120", "60"}, {"210103", "200", "50"}};
    for (String[] h : homes) {
      h[0] = jdbc.sql("select code from region.region where code like ? and level = 4 and valid_to is null order by code"
          + " limit 1").param(h[0] + "%").query(String.class).single();
      org.tongban.StaffFixtures.as(org.tongban.StaffFixtures.officerOf("2101", "civil-affairs"), () -> registry.register(
          new org.tongban.facility.FacilityDraft("eldercare.care-home", "规划旅程测试养老院" + System.nanoTime(), h[0], null,
              null, null, null, org.tongban.facility.FeeRule.CHARGED, new java.math.BigDecimal("2000"),
              org.tongban.facility.FacilityStatus.OPEN, java.time.LocalDate.of(2019, 3, 1),
              java.util.Map.of("beds", h[1], "nursingBeds", h[2], "residents", "40", "ownership", "公办",
                  "extremePoverty", "否"), java.util.List.of())));
    }
    indicators.applyNow();
  }

  @AfterAll
  void close() {
    browser.close();
    playwright.close();
  }

  private void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(BrowserJourneyTests.SHOTS.resolve(name + ".png")));
  }

  @Test
  void aPlannerDrillsIntoATarget() {
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      var page = context.newPage();
      String base = "http://localhost:" + port;
      SignInSteps.signInAndEnrolAuthenticator(page, base, "shenyang-planner", "Journey-2026-pass", null);
      page.navigate(base + "/planning");
      assertThat(page.textContent("main")).contains("沈阳市").contains("护理型床位占比").contains("待填报");
      shot(page, "40-plan-cockpit");
      page.click("a:text-is('养老机构护理型床位占比')");
      page.waitForSelector("#trend-chart svg");
      page.waitForLoadState(LoadState.NETWORKIDLE);
      assertThat(page.textContent("blockquote.source")).contains("护理型床位占比不低").contains("出自《辽宁省“十四五”公共服务规划》");
      // The map's legend names ranges with their unit, not a bare colour bar (25–30 %).
      // The map needs the county outlines (../shared/data/boundaries); without them the page shows the table only.
      if (boundaries.available()) {
        page.waitForSelector("#value-map svg");
        assertThat(page.textContent("#value-map")).containsPattern("\\d+(\\.\\d+)?–\\d+(\\.\\d+)? %");
      }
      shot(page, "41-plan-target-trend");
      // The province is outside a city planner's jurisdiction: a clear answer and their own city, not a 404.
      page.navigate(base + "/planning?region=21");
      assertThat(page.textContent("#outside-notice")).contains("不能查看辽宁省的数据");
      assertThat(page.textContent("main nav.trail")).contains("沈阳市");
      shot(page, "42-plan-outside-jurisdiction");
    }
  }
}
