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
      assertThat(page.textContent("blockquote.source")).contains("护理型床位占比不低");
      shot(page, "41-plan-target-trend");
    }
  }
}
