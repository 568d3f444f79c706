package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
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
import org.tongban.identity.Role;
import org.tongban.access.Scope;
import org.tongban.identity.NewStaff;
import org.tongban.identity.StaffAccounts;
import org.tongban.organisation.Office;
import org.tongban.organisation.OfficeId;
import org.tongban.organisation.OfficeKind;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.NewResident;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;
import org.tongban.shared.RegionCode;

/**
 * A newcomer the registry does not know yet (#12.1, #12.8): she registers online and is told what happens next; her
 * typed application is kept as a draft; a window clerk adds her to the registry with her baby; her account is linked
 * and she is told by SMS; she files the draft and applies for her baby's 托位 as the mother. Screenshots 60–69.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class NewcomerJourneyTests {

  @LocalServerPort int port;
  @Autowired StaffAccounts accounts;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired JdbcClient jdbc;

  Playwright playwright;
  Browser browser;
  IdNumber mother;
  IdNumber baby;
  String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  String village;
  String villageName;

  @BeforeAll
  void setUp() throws Exception {
    Files.createDirectories(BrowserJourneyTests.SHOTS);
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
    var hall = office("government-services", "210102", OfficeKind.SERVICE_HALL);
    office("health", "210102", OfficeKind.OFFICE);
    office("hrss", "210102", OfficeKind.OFFICE);
    if (accounts.find("heping-window").isEmpty()) {
      accounts.create(new NewStaff("heping-window", "和平区窗口", hall.id(), EnumSet.of(Role.CLERK),
          Set.of(new Scope(hall.region(), Scope.ANY_DEPARTMENT, Purpose.CAPTURE),
              new Scope(hall.region(), Scope.ANY_DEPARTMENT, Purpose.SEARCH)), Set.of()), "Journey-2026-pass");
    }
    mother = org.tongban.StaffFixtures.idNumberBorn("210102", "19930412");
    baby = org.tongban.StaffFixtures.idNumberBorn("210102", "20250918");
    var row = jdbc.sql("select code, name from region.region where code like '210102%' and level = 5 and valid_to is null"
        + " order by code limit 1").query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
    village = row[0];
    villageName = row[1];
    // The baby's birth was registered (出生登记) at the police station: the registry knows her, not yet as anyone's.
    as(clerkOf("210102"), () -> residents.register(new NewResident("宋小满", baby.value(), null, village, village)));
  }

  private Office office(String department, String region, OfficeKind kind) {
    return organisations.officeAt(department, RegionCode.of(region)).orElseGet(() -> {
      var o = new Office(OfficeId.random(), department, RegionCode.of(region), kind, "测试" + region + department, null,
          null, false, 0);
      organisations.insert(o);
      return o;
    });
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

  private String lastSms() {
    return jdbc.sql("select text from identity.sms_outbox where phone_masked = ? order by id desc limit 1")
        .param(phone.substring(0, 3) + "****" + phone.substring(7)).query(String.class).single();
  }

  @Test
  void aNewcomerRegistersIsAddedAtTheWindowAndAppliesForHerBaby() {
    // 1. She registers with her ID number; the registry does not know it yet, and the page says what happens next.
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      var page = context.newPage();
      page.navigate(url("/register"));
      page.fill("#name", "宋雨桐");
      page.fill("#idNumber", mother.value());
      page.fill("#phone", phone);
      page.click("button:text-is('获取短信验证码')");
      page.waitForSelector("p.notice[role=status]");
      var code = Pattern.compile("(\\d{6})").matcher(lastSms());
      assertThat(code.find()).isTrue();
      page.fill("#smsCode", code.group(1));
      page.fill("#password", "Yutong-2026-home");
      page.click("button:text-is('注册')");
      page.waitForSelector("#registered-unlinked");
      assertThat(page.textContent("main")).contains("账号已开通，还需核验身份").contains("带上居民身份证");
      shot(page, "60-registered-not-yet-in-registry");
    }
    // 2. Signed in, she is told again; her cases page works (empty); a typed application is kept as a draft.
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      var page = SignInSteps.residentSignsIn(context, url(""), phone, "Yutong-2026-home");
      assertThat(page.textContent("#unlinked-notice")).contains("尚未与人口信息关联");
      page.navigate(url("/my/cases"));
      assertThat(page.title()).doesNotContain("403");
      assertThat(page.textContent("main")).contains("还没有办件");
      page.navigate(url("/services/hrss.unemployment-registration/apply"));
      page.fill("#f-applicantName", "宋雨桐");
      page.fill("#f-endDate", "2026-10-31");
      page.selectOption("#f-endReason", "合同期满");
      page.fill("#f-contactPhone", "13800006666");
      page.click("button:text-is('提交申请')");
      page.waitForSelector("#draft-saved");
      assertThat(page.textContent("main")).contains("已为您保存草稿");
      shot(page, "61-draft-kept-until-linked");
    }
    // 3. At the window a clerk adds her to the registry and records her baby from the household register.
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      var page = context.newPage();
      SignInSteps.signInAndEnrolAuthenticator(page, url(""), "heping-window", "Journey-2026-pass", null);
      page.navigate(url("/residents"));
      page.fill("#r-name", "宋雨桐");
      page.fill("#r-id", mother.value());
      for (String field : new String[] {"householdRegion", "residenceRegion"}) {
        page.fill("#" + field + "-q", villageName);
        page.click("#" + field + "-choices label.choice:has-text('和平区') input >> nth=0");
      }
      shot(page, "62-window-registers-her");
      page.click("button:text-is('登记')");
      page.waitForSelector("text=家庭成员");
      page.fill("#relative-id", baby.value());
      page.selectOption("#relative-relation", "CHILD");
      page.click("button:text-is('登记家庭成员')");
      page.waitForSelector("#done-notice");
      assertThat(page.textContent("#done-notice")).contains("宋小满");
      assertThat(page.textContent("main")).contains("子女");
      shot(page, "63-window-records-her-baby");
    }
    // 4. Her account is linked and she is told by SMS; the draft is still there and she files it.
    long until = System.currentTimeMillis() + 10_000;
    while (!lastSms().contains("关联") && System.currentTimeMillis() < until) Thread.onSpinWait();
    assertThat(lastSms()).contains("关联");
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      var page = SignInSteps.residentSignsIn(context, url(""), phone, "Yutong-2026-home");
      assertThat(page.locator("#unlinked-notice").count()).isZero();
      page.navigate(url("/services/hrss.unemployment-registration/apply"));
      assertThat(page.inputValue("#f-endDate")).isEqualTo("2026-10-31");
      page.click("button:text-is('提交申请')");
      page.waitForSelector("#case-status");
      assertThat(page.textContent("#case-status")).isEqualTo("预审中");
      shot(page, "64-draft-filed-once-linked");
      // 5. She applies for her baby's 托位: the family comes from the registry, the baby's name and birth date too.
      page.navigate(url("/services/health.nursery-place/apply"));
      page.click("a:text-is('子女 · 宋小满')");
      page.waitForSelector("#applying-for");
      assertThat(page.inputValue("#f-childName")).isEqualTo("宋小满");
      assertThat(page.inputValue("#f-childBirthDate")).isEqualTo("2025-09-18");
      page.selectOption("#f-guardianRelation", "母亲");
      page.fill("#f-contactPhone", "13800006666");
      shot(page, "65-apply-for-her-baby");
      page.click("button:text-is('提交申请')");
      page.waitForSelector("#case-subject");
      assertThat(page.textContent("#case-subject")).isEqualTo("宋小满 · 申请人的子女");
      shot(page, "66-case-for-her-baby");
    }
  }
}
