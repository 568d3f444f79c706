package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.randomIdNumber;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tongban.StaffFixtures;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.eldercare.ElderCategory;
import org.tongban.eldercare.VisitManagement;
import org.tongban.facility.Facility;
import org.tongban.facility.FacilityDraft;
import org.tongban.facility.FacilityRegistry;
import org.tongban.facility.FacilityStatus;
import org.tongban.facility.FeeRule;
import org.tongban.identity.NewStaff;
import org.tongban.identity.Role;
import org.tongban.identity.StaffAccounts;
import org.tongban.identity.internal.ResidentFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.Office;
import org.tongban.organisation.OfficeId;
import org.tongban.organisation.OfficeKind;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.NewResident;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;
import org.tongban.shared.RegionCode;

/**
 * Facilities in the browser: a resident finds a kindergarten with a free place near her, applies, is admitted by
 * the county education bureau, and the kindergarten's occupancy changes; a community worker records a visit on a
 * phone-sized screen. Screenshots 30–39.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class FacilityJourneyTests {

  @LocalServerPort int port;
  @Autowired StaffAccounts accounts;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired PasswordEncoder passwords;
  @Autowired FacilityRegistry registry;
  @Autowired VisitManagement visits;
  @Autowired JdbcClient jdbc;

  Playwright playwright;
  Browser browser;
  Facility kindergarten;
  String phone = "137" + String.format("%08d", (int) (Math.random() * 100_000_000));
  String township;

  @BeforeAll
  void setUp() throws Exception {
    Files.createDirectories(BrowserJourneyTests.SHOTS);
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
    var education = office("education", "210102");
    staff("heping-education", education, Set.of(new Scope(RegionCode.of("210102"), Scope.ANY_DEPARTMENT, Purpose.CAPTURE)));
    String village = jdbc.sql("select code from region.region where code like '210102%' and level = 5 order by code limit 1")
        .query(String.class).single();
    township = village.substring(0, 9);
    var mother = randomIdNumber("210102");
    var person = as(clerkOf("210102"), () -> residents.register(new NewResident("陈晓燕", mother.value(), null, village, village)));
    ResidentFixtures.accountWithPassword(secrets, passwords, person.id(), "陈晓燕", mother, phone, "xiaoyan2026");
    kindergarten = as(clerkOf("210102"), () -> registry.register(new FacilityDraft("childcare.kindergarten",
        "和平区晨光幼儿园", township + "000", 123.3890, 41.7460, "GCJ02", "1-5 07:30-17:30; 1-5 17:30-18:30 延时",
        FeeRule.CHARGED, new BigDecimal("480"), FacilityStatus.OPEN, LocalDate.of(2018, 9, 1),
        Map.of("ownership", "公办", "inclusive", "是", "stars", "4", "seats", "60", "enrolled", "59",
            "townshipCentre", "否"), List.of())));
    // A community worker of the township, and an older woman living alone on its visit register with this month's plan.
    staff("heping-worker", null, Set.of(new Scope(RegionCode.of(township), "civil-affairs", Purpose.CAPTURE)));
    var grandmother = org.tongban.StaffFixtures.idNumberBorn("210102", "19390512");
    as(clerkOf("210102"), () -> residents.register(new NewResident("刘淑珍", grandmother.value(), null, village, village)));
    var civil = StaffFixtures.staff("civil-heping", Set.of(new Scope(RegionCode.of("210102"), "civil-affairs", Purpose.CAPTURE)));
    as(civil, () -> visits.register(grandmother.value(), RegionCode.of(village), EnumSet.of(ElderCategory.LIVING_ALONE,
        ElderCategory.VERY_OLD)));
    as(civil, () -> visits.plan(YearMonth.now(ZoneId.of("Asia/Shanghai")), RegionCode.of(township), "heping-worker"));
  }

  private Office office(String department, String region) {
    return organisations.officeAt(department, RegionCode.of(region)).orElseGet(() -> {
      var o = new Office(OfficeId.random(), department, RegionCode.of(region), OfficeKind.OFFICE, "测试" + region + department,
          null, null, false, 0);
      organisations.insert(o);
      return o;
    });
  }

  private void staff(String username, Office office, Set<Scope> scopes) {
    if (accounts.find(username).isPresent()) return;
    accounts.create(new NewStaff(username, username, office == null ? null : office.id(), EnumSet.of(Role.OFFICER),
        scopes, Set.of()), "Journey-2026-pass");
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

  private Page residentSignsIn(BrowserContext context) {
    return SignInSteps.residentSignsIn(context, url(""), phone, "xiaoyan2026");
  }

  @Test
  void aResidentGetsAKindergartenPlaceAndAWorkerRecordsAVisitOnAPhone() {
    var tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1);
    // 1. She looks for kindergartens with free places; the finder starts in her own county and shows a map.
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      var page = residentSignsIn(context);
      page.navigate(url("/facilities?type=childcare.kindergarten&free=true"));
      assertThat(page.textContent("main")).contains("和平区晨光幼儿园");
      page.waitForSelector("#facility-map .leaflet-interactive");
      page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
      shot(page, "30-finder-free-kindergartens");
      page.click("a:text-is('和平区晨光幼儿园')");
      assertThat(page.textContent("#free-places")).isEqualTo("空余 1 / 共 60");
      shot(page, "31-kindergarten");
      page.click("a:text-is('申请名额')");
      assertThat(page.inputValue("#f-applicantName")).isEqualTo("陈晓燕");
      page.fill("#f-childName", "王小米");
      page.fill("#f-childBirthDate", "2023-04-18");
      page.selectOption("#f-guardianRelation", "母亲");
      if (page.locator("#f-school").count() > 0) page.fill("#f-school", "和平区晨光幼儿园");
      page.fill("#f-contactPhone", "13700002222");
      page.check("input[name=priority][value=hardship]");
      shot(page, "32-place-application");
      page.click("button:text-is('提交申请')");
      page.waitForSelector("#case-status");
      for (var m : new String[][] {{"health-check", "入园健康检查表"}, {"birth-certificate", "出生医学证明"}}) {
        page.setInputFiles("#file", new FilePayload(m[0] + ".pdf", "application/pdf",
            org.tongban.casework.CaseworkFixtures.pdf(m[1])));
        page.selectOption("#code", m[0]);
        page.click("button:text-is('上传')");
        page.waitForSelector("p.notice:has-text('" + m[1] + "')");
      }
      page.navigate(url("/my/places"));
      assertThat(page.textContent(".placement-status")).isEqualTo("轮候中");
      shot(page, "33-my-places-waiting");
    }
    // 2. The county education bureau sees her on the waiting list and admits her.
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      var page = context.newPage();
      SignInSteps.signInAndEnrolAuthenticator(page, url(""), "heping-education", "Journey-2026-pass", null);
      page.navigate(url("/workbench/facilities/" + kindergarten.id()));
      assertThat(page.textContent("#occupancy")).isEqualTo("已用 59 / 共 60，空余 1");
      shot(page, "34-waiting-list");
      page.click("table.list tbody tr:first-child a");
      page.waitForSelector("#case-status");
      for (String button : new String[] {"预审通过", "受理", "审查同意", "准予", "送达"}) {
        var b = page.locator("button:text-is('" + button + "')");
        if (b.count() > 0) {
          b.click();
          page.waitForLoadState();
        }
      }
      page.navigate(url("/workbench/facilities/" + kindergarten.id()));
      assertThat(page.textContent("#occupancy")).isEqualTo("已用 60 / 共 60，空余 0");
      shot(page, "35-occupancy-after-admission");
      // The bureau opens the kindergarten's activity room for booking on a page (tomorrow, one day).
      page.navigate(url("/workbench/facilities/" + kindergarten.id() + "/resources"));
      page.fill("#name", "亲子活动室");
      page.selectOption("#kind", "venue.room");
      page.fill("#slotCapacity", "6");
      page.click("button:text-is('新增')");
      page.waitForSelector("#done-notice");
      page.fill("section.visit-card:has-text('亲子活动室') input[name=from]", tomorrow.toString());
      page.fill("section.visit-card:has-text('亲子活动室') input[name=days]", "1");
      page.click("section.visit-card:has-text('亲子活动室') button:text-is('开放时段')");
      page.waitForSelector("#slots-opened");
      shot(page, "36b-staff-open-a-room-for-booking");
    }
    assertThat(registry.view(kindergarten.id()).occupied()).isEqualTo(60);
    // 3. She sees the place given; the public page shows no free place left.
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      var page = residentSignsIn(context);
      page.navigate(url("/my/places"));
      assertThat(page.textContent(".placement-status")).isEqualTo("已录取/已入住");
      page.navigate(url("/facilities/" + kindergarten.id()));
      assertThat(page.textContent("#free-places")).isEqualTo("空余 0 / 共 60");
      shot(page, "36-admitted");
    }
    // 4. She books the activity room the bureau opened for tomorrow; her booking names the kindergarten.
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      var page = residentSignsIn(context);
      page.navigate(url("/facilities/" + kindergarten.id() + "?day=" + tomorrow));
      page.click("li:has-text('09:00') button:text-is('预约') >> nth=0");
      page.waitForURL(u -> u.contains("/my/bookings"));
      assertThat(page.textContent(".visit-card h2")).isEqualTo("和平区晨光幼儿园");
      assertThat(page.textContent(".visit-card .resource")).isEqualTo("亲子活动室");
      assertThat(page.textContent(".visit-card code.ticket")).isNotBlank();
      shot(page, "36c-my-booking-names-the-facility");
    }
    // 5. A community worker records this month's visit on a phone-sized screen.
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
        .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true))) {
      var page = context.newPage();
      SignInSteps.signInAndEnrolAuthenticator(page, url(""), "heping-worker", "Journey-2026-pass", null);
      page.navigate(url("/workbench/visits/mine"));
      shot(page, "37-worker-visits-phone");
      page.click(".visit-card:has-text('刘淑珍') a:text-is('记录探访')");
      page.fill("#findings", "老人独居，精神状态好；冰箱内食物不多，腿脚不便。");
      page.check("input[name=need][value=MEALS]");
      shot(page, "38-visit-record-phone");
      page.click("button:text-is('保存探访记录')");
      page.waitForSelector(".notice");
      assertThat(page.textContent(".notice")).contains("刘淑珍");
      assertThat(page.textContent(".visit-card:has-text('刘淑珍')")).contains("已探访");
      // Nothing wider than the phone: the page does not scroll sideways.
      assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")).isTrue();
      shot(page, "39-visit-saved-phone");
    }
  }
}
