package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.identity.NewStaff;
import org.tongban.identity.Role;
import org.tongban.identity.StaffAccounts;
import org.tongban.organisation.Office;
import org.tongban.organisation.OfficeId;
import org.tongban.organisation.OfficeKind;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.shared.RegionCode;

/**
 * An administrator opens an account for a new officer the way a clerk would without a manual: the office's region is
 * picked by name, the list shows offices, departments and roles in words; the username rule works in Chrome. The
 * officer's first sign-in sees no staff menu before the second factor and must replace the password the administrator
 * saw before any staff page opens; then a message says it was changed. Screenshots 50–55.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class StaffJourneyTests {

  @LocalServerPort int port;
  @Autowired StaffAccounts accounts;
  @Autowired OrganisationDirectory organisations;

  Playwright playwright;
  Browser browser;

  @BeforeAll
  void setUp() throws Exception {
    Files.createDirectories(BrowserJourneyTests.SHOTS);
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
    if (organisations.officeAt("civil-affairs", RegionCode.of("210102")).isEmpty()) {
      organisations.insert(new Office(OfficeId.random(), "civil-affairs", RegionCode.of("210102"), OfficeKind.OFFICE,
          "和平区民政局（测试）", null, null, false, 0));
    }
    if (accounts.find("staff-journey-admin").isEmpty()) {
      accounts.create(new NewStaff("staff-journey-admin", "人事管理员", null, EnumSet.of(Role.ADMIN),
          Set.of(new Scope(RegionCode.of("21"), Scope.ANY_DEPARTMENT, Purpose.CAPTURE)), Set.of()), "Staff-journey-2026");
    }
  }

  @AfterAll
  void close() {
    browser.close();
    playwright.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(BrowserJourneyTests.SHOTS.resolve(name + ".png")));
  }

  @Test
  void anAdministratorOpensAnAccountAndItsOwnerMakesThePasswordTheirOwn() {
    String username = "li.xiaoyun-" + (System.nanoTime() % 100_000);
    String password;
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      var page = context.newPage();
      SignInSteps.signInAndEnrolAuthenticator(page, url(""), "staff-journey-admin", "Staff-journey-2026", null);
      page.navigate(url("/admin/staff"));
      shot(page, "50-staff-accounts");
      page.waitForSelector("#username");
      // The username rule compiles with the v flag Chrome uses for pattern attributes, so it is really checked.
      assertThat(page.evaluate("() => { try { new RegExp('^(?:' + document.querySelector('#username').pattern + ')$', 'v');"
          + " return true } catch (e) { return false } }")).isEqualTo(true);
      page.fill("#username", "Li Xiaoyun");
      assertThat(page.evaluate("document.querySelector('#username').checkValidity()")).isEqualTo(false);
      page.fill("#username", username);
      assertThat(page.evaluate("document.querySelector('#username').checkValidity()")).isEqualTo(true);
      page.fill("#displayName", "李晓云");
      page.fill("#region-q", "和平区");
      page.click("#region-choices label.choice:has-text('辽宁省沈阳市和平区') input");
      page.selectOption("#department", "civil-affairs");
      page.uncheck("input[name=roles][value=CLERK]");
      page.check("input[name=roles][value=OFFICER]");
      shot(page, "51-admin-opens-account");
      page.click("button:text-is('创建')");
      password = page.textContent("#staff-password").strip();
      String office = organisations.officeAt("civil-affairs", RegionCode.of("210102")).orElseThrow().name();
      assertThat(page.textContent("#staff-created")).contains(username).contains(office).contains("部门审批人员");
      String list = page.locator("table").textContent();
      assertThat(list).contains("系统管理员").doesNotContain("OFFICER").doesNotContain("ADMIN").doesNotContain("[");
      shot(page, "52-account-opened");
    }
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      var page = context.newPage();
      page.navigate(url("/login"));
      page.fill("#username", username);
      page.fill("#password", password);
      page.click("button:text-is('登录')");
      page.waitForSelector("#totp-secret");
      // Before the second factor the menu offers no staff pages.
      assertThat(page.locator("header nav").textContent()).doesNotContain("工作台").doesNotContain("居民登记");
      shot(page, "53-before-second-factor");
      byte[] secret = org.tongban.identity.internal.Totp.fromBase32(page.locator("#totp-secret").textContent());
      page.fill("#code", org.tongban.identity.internal.Totp.code(secret,
          org.tongban.identity.internal.Totp.step(java.time.Instant.now())));
      page.click("button:text-is('绑定')");
      page.click("text=我已保存，继续");
      page.waitForURL(u -> u.endsWith("/account/password"));
      assertThat(page.locator(".banner").textContent()).contains("管理员生成");
      shot(page, "54-must-change-password");
      page.navigate(url("/workbench"));
      assertThat(page.url()).endsWith("/account/password");

      page.fill("#current", password);
      page.fill("#replacement", "Xiaoyun-own-2026");
      page.fill("#repeat", "Xiaoyun-own-2027");
      page.click("button:text-is('保存新密码')");
      assertThat(page.textContent(".problem")).contains("不一致");
      page.fill("#current", password);
      page.fill("#replacement", "Xiaoyun-own-2026");
      page.fill("#repeat", "Xiaoyun-own-2026");
      page.click("button:text-is('保存新密码')");
      page.waitForURL(u -> u.contains("/workbench"));
      assertThat(page.textContent("#done-notice")).contains("密码已修改");
      assertThat(page.locator("header nav").textContent()).contains("工作台");
      shot(page, "55-password-changed");
    }
    assertThat(accounts.passwordChangeRequired(username)).isFalse();
  }
}
