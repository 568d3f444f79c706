package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
import org.tongban.identity.Permission;
import org.tongban.identity.Role;
import org.tongban.identity.StaffAccounts;
import org.tongban.shared.RegionCode;

/**
 * The pages in the machine's Chromium: browse regions, switch language and 长辈版, sign in, register a
 * resident, read the audit log. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class BrowserJourneyTests {

  static final Path SHOTS = Path.of("target/screenshots");

  @LocalServerPort int port;
  @Autowired StaffAccounts accounts;

  Playwright playwright;
  Browser browser;

  @BeforeAll
  void launch() throws Exception {
    Files.createDirectories(SHOTS);
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
    if (accounts.find("browser-admin").isEmpty()) {
      accounts.create(new NewStaff("browser-admin", "浏览器测试管理员", null,
          EnumSet.of(Role.ADMIN, Role.AUDITOR, Role.CLERK),
          Set.of(new Scope(RegionCode.of("21"), Scope.ANY_DEPARTMENT, Purpose.CAPTURE),
              new Scope(RegionCode.of("21"), Scope.ANY_DEPARTMENT, Purpose.SEARCH)),
          EnumSet.of(Permission.PERSON_UNMASK)), "Browser-test-2026");
    }
  }

  @AfterAll
  void close() {
    if (browser != null) browser.close();
    if (playwright != null) playwright.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
  }

  @Test
  void browsesRegionsLevelByLevelAndSearches() {
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      Page page = context.newPage();
      page.navigate(url("/"));
      assertThat(page.locator("h1").textContent()).contains("通办");
      shot(page, "01-home-zh");

      page.click("text=行政区划");
      page.click("text=辽宁省");
      page.click("text=沈阳市");
      page.click("a:text-is('和平区')");
      assertThat(page.locator(".breadcrumb").textContent()).contains("辽宁省").contains("沈阳市").contains("和平区");
      assertThat(page.locator("#children h2").textContent()).contains("下级区划");
      assertThat(page.locator("main").textContent()).contains("730,785");
      shot(page, "02-region-heping");

      page.navigate(url("/regions"));
      page.fill("#q", "江阳");
      page.click("button:text-is('查找')");
      page.waitForSelector("#results");
      assertThat(page.locator("#results").textContent()).contains("江阳区");
      shot(page, "03-region-search");
    }
  }

  @Test
  void switchesToEnglishAndToLargePrint() {
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      Page page = context.newPage();
      page.navigate(url("/regions/210000000000"));
      page.click("button:text-is('English')");
      assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
      assertThat(page.locator("#children h2").textContent()).contains("Units below");
      shot(page, "04-region-en");

      page.click("button:text-is('Large print')");
      assertThat(page.locator("body").getAttribute("class")).contains("elder");
      double fontSize = Double.parseDouble(((String) page.evaluate(
          "getComputedStyle(document.body).fontSize")).replace("px", ""));
      double lineHeight = Double.parseDouble(((String) page.evaluate(
          "getComputedStyle(document.body).lineHeight")).replace("px", ""));
      assertThat(fontSize).isGreaterThanOrEqualTo(22);
      assertThat(lineHeight / fontSize).isGreaterThanOrEqualTo(1.3);
      shot(page, "05-region-en-large-print");

      page.click("button:text-is('中文')");
      assertThat(page.locator("html").getAttribute("lang")).isEqualTo("zh-CN");
      assertThat(page.locator("body").getAttribute("class")).contains("elder");
      shot(page, "06-region-zh-large-print");
    }
  }

  @Test
  void keyboardReachesTheSkipLinkFirstAndEveryFieldHasALabel() {
    try (var context = browser.newContext()) {
      Page page = context.newPage();
      page.navigate(url("/regions"));
      page.keyboard().press("Tab");
      assertThat(page.evaluate("document.activeElement.className")).isEqualTo("skip");
      page.keyboard().press("Enter");
      assertThat(page.url()).endsWith("#main");
      page.navigate(url("/login"));
      Object unlabelled = page.evaluate("""
          [...document.querySelectorAll('input:not([type=hidden])')]
            .filter(i => !i.id || !document.querySelector('label[for="' + i.id + '"]')).length""");
      assertThat(((Number) unlabelled).intValue()).isZero();
    }
  }

  @Test
  void staffSignInRegisterAResidentAndReadTheAuditLog() {
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      Page page = context.newPage();
      page.navigate(url("/residents"));
      assertThat(page.url()).endsWith("/login");
      page.fill("#username", "browser-admin");
      page.fill("#password", "wrong-password-1");
      page.click("button:text-is('登录')");
      assertThat(page.locator(".problem").textContent()).contains("用户名或密码不正确");
      shot(page, "07-sign-in-failed");
      SignInSteps.signInAndEnrolAuthenticator(page, url(""), "browser-admin", "Browser-test-2026", "08-second-factor");
      var session = context.cookies().stream().filter(c -> c.name.equals("TONGBAN_SESSION")).findFirst().orElseThrow();
      assertThat(session.httpOnly).as("HttpOnly").isTrue();
      assertThat(session.secure).as("Secure").isTrue();
      assertThat(session.sameSite).as("SameSite").isEqualTo(com.microsoft.playwright.options.SameSiteAttribute.LAX);
      page.navigate(url("/residents"));
      shot(page, "08-residents-empty");

      String id = org.tongban.StaffFixtures.randomIdNumber("210102").value();
      page.fill("#r-name", "赵晓梅");
      page.fill("#r-id", id);
      page.fill("#r-phone", "13912345678");
      // Regions are picked by name, never typed as codes.
      page.fill("#householdRegion-q", "水源地社区");
      page.click("#householdRegion-choices label.choice:has-text('辽宁省沈阳市和平区浑河湾街道水源地社区') input");
      page.fill("#residenceRegion-q", "水源地");
      page.click("#residenceRegion-choices label.choice:has-text('辽宁省沈阳市和平区浑河湾街道水源地社区') input");
      page.click("button:text-is('登记')");
      assertThat(page.locator("h1").textContent()).contains("赵晓梅");
      String shown = page.locator("main").textContent();
      assertThat(shown).contains(id.substring(0, 3) + "***********" + id.substring(14)).doesNotContain(id)
          .contains("139****5678").doesNotContain("13912345678");
      shot(page, "09-resident-registered");

      page.fill("#reason", "现场核对身份证件");
      page.click("button:text-is('查看')");
      assertThat(page.locator("main").textContent()).contains(id);
      shot(page, "10-resident-revealed-with-reason");

      page.navigate(url("/residents?name=赵晓"));
      assertThat(page.locator("table").textContent()).contains("赵晓梅");
      shot(page, "11-residents-search");

      page.navigate(url("/audit"));
      assertThat(page.locator("table").textContent()).contains("person.id-number-revealed").contains("login.failed");
      page.click("button:text-is('校验哈希链')");
      assertThat(page.locator(".notice").textContent()).contains("哈希链完整");
      shot(page, "12-audit-log");
    }
  }

  @Test
  void swaggerUiWorksUnderTheContentSecurityPolicy() {
    try (var context = browser.newContext()) {
      Page page = context.newPage();
      var violations = new java.util.ArrayList<String>();
      page.onConsoleMessage(m -> {
        if (m.text().contains("Content Security Policy") || m.text().contains("Refused to")) violations.add(m.text());
      });
      page.navigate(url("/swagger-ui.html"));
      page.waitForSelector(".opblock-tag", new Page.WaitForSelectorOptions().setTimeout(30_000));
      assertThat(page.locator(".opblock-tag").count()).isGreaterThan(3);
      assertThat(page.locator("button.authorize").count()).isEqualTo(1);
      shot(page, "13-swagger-ui");
      assertThat(violations).isEmpty();
    }
  }

  @Test
  void inTheElderModeControlsGrowWithTheTextAndAPhoneKeepsTheSearchOnOneLine() {
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
        .setViewportSize(390, 844))) {
      Page page = context.newPage();
      page.navigate(url("/services"));
      page.click("button:text-is('长辈版')");
      page.waitForSelector("body.elder");
      double label = ((Number) page.evaluate("parseFloat(getComputedStyle(document.querySelector('label[for=q]')).fontSize)")).doubleValue();
      double input = ((Number) page.evaluate("parseFloat(getComputedStyle(document.querySelector('#q')).fontSize)")).doubleValue();
      double button = ((Number) page.evaluate("parseFloat(getComputedStyle(document.querySelector('form[role=search] button')).fontSize)")).doubleValue();
      assertThat(label).isGreaterThanOrEqualTo(22);
      assertThat(input).isGreaterThanOrEqualTo(label);
      assertThat(button).isGreaterThanOrEqualTo(label);
      var box = page.locator("#q").boundingBox();
      var go = page.locator("form[role=search] button").boundingBox();
      assertThat(Math.abs(box.y - go.y)).as("search box and button on one line").isLessThan(box.height);
      assertThat(go.x + go.width).as("nothing runs off a 390 px screen").isLessThanOrEqualTo(390);
      shot(page, "14-elder-phone-services");
      page.navigate(url("/register"));
      double field = ((Number) page.evaluate("parseFloat(getComputedStyle(document.querySelector('main input:not([type=hidden])')).fontSize)")).doubleValue();
      assertThat(field).isGreaterThanOrEqualTo(22);
      shot(page, "15-elder-phone-register");
    }
  }
}
