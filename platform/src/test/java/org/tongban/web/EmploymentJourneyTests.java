package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.util.EnumSet;
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
import org.tongban.shared.CreditCode;
import org.tongban.shared.IdNumber;
import org.tongban.shared.RegionCode;
import org.tongban.unit.NewUnit;
import org.tongban.unit.Unit;
import org.tongban.unit.UnitKind;
import org.tongban.unit.UnitSize;
import org.tongban.unit.Units;

/**
 * The employment journey (#13.10): an employer's legal representative authorises an agent; the agent, acting for the
 * unit, posts a vacancy that is refused for a discriminatory word and then accepted; a seeker finds it in everyday
 * words and applies; the agent hires her; the county's labour bureau sees the new job in 城镇新增就业. Screenshots 80–87.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class EmploymentJourneyTests {

  static final String COUNTY = "210104"; // 大东区

  @LocalServerPort int port;
  @Autowired StaffAccounts accounts;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired PasswordEncoder passwords;
  @Autowired Units units;
  @Autowired JdbcClient jdbc;

  Playwright playwright;
  Browser browser;
  Unit unit;
  IdNumber agentId;
  String village;
  String villageName;
  final String bossPhone = phone();
  final String agentPhone = phone();
  final String seekerPhone = phone();
  final String marker = "D" + ThreadLocalRandom.current().nextInt(100_000);

  private static String phone() {
    return "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  @BeforeAll
  void setUp() throws Exception {
    Files.createDirectories(BrowserJourneyTests.SHOTS);
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
    var row = jdbc.sql("select code, name from region.region where code like ? and level = 5 and valid_to is null"
        + " order by code limit 1").param(COUNTY + "%").query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
        .single();
    village = row[0];
    villageName = row[1];
    var boss = person("高志远", "19780312");
    agentId = org.tongban.StaffFixtures.idNumberBorn(COUNTY, "19900720");
    var agent = as(clerkOf(COUNTY), () -> residents.register(new NewResident("何佳", agentId.value(), null, village, village)));
    ResidentFixtures.accountWithPassword(secrets, passwords, agent.id(), "何佳", agentId, agentPhone, "Hejia-2026-work");
    person("吴春梅", "19950508", seekerPhone);
    // The window registered the company from its business licence.
    String code = CreditCode.complete("91" + COUNTY + String.format("%08d", ThreadLocalRandom.current().nextLong(100_000_000)))
        .value();
    unit = as(clerkOf(COUNTY), () -> units.register(new NewUnit(code, "大东区志远仓储物流有限公司" + marker,
        UnitKind.ENTERPRISE, "G59", UnitSize.SMALL, village, boss.value())));
    var hrss = organisations.officeAt("hrss", RegionCode.of(COUNTY)).orElseGet(() -> {
      var o = new Office(OfficeId.random(), "hrss", RegionCode.of(COUNTY), OfficeKind.OFFICE, "测试" + COUNTY + "hrss", null,
          null, false, 0);
      organisations.insert(o);
      return o;
    });
    if (accounts.find("dadong-hrss").isEmpty()) {
      accounts.create(new NewStaff("dadong-hrss", "大东区人社局", hrss.id(), EnumSet.of(Role.OFFICER),
          Set.of(new Scope(hrss.region(), "hrss", Purpose.CAPTURE), new Scope(hrss.region(), "hrss", Purpose.SEARCH)),
          Set.of()), "Journey-2026-pass");
    }
  }

  private IdNumber person(String name, String birth) {
    return person(name, birth, bossPhone);
  }

  private IdNumber person(String name, String birth, String phone) {
    var id = org.tongban.StaffFixtures.idNumberBorn(COUNTY, birth);
    var p = as(clerkOf(COUNTY), () -> residents.register(new NewResident(name, id.value(), null, village, village)));
    ResidentFixtures.accountWithPassword(secrets, passwords, p.id(), name, id, phone, "Journey-2026-home");
    return id;
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

  private long newJobsThisMonth(Page page) {
    return Long.parseLong(page.textContent("#new-jobs tbody tr.total td:nth-child(2)").strip());
  }

  @Test
  void anEmployerPostsAVacancyASeekerFindsItAndIsHiredAndTheCountyCountsIt() {
    // The county's labour bureau, signed in all along (staff sign in with a second factor).
    var bureau = zh();
    var figures = bureau.newPage();
    SignInSteps.signInAndEnrolAuthenticator(figures, url(""), "dadong-hrss", "Journey-2026-pass", null);
    figures.navigate(url("/workbench/employment?region=" + COUNTY));
    long before = newJobsThisMonth(figures);
    // 1. The legal representative authorises an agent to file and to recruit for the company.
    try (var context = zh()) {
      var page = SignInSteps.residentSignsIn(context, url(""), bossPhone, "Journey-2026-home");
      page.navigate(url("/my/units"));
      var card = "#unit-" + unit.id();
      page.fill(card + " input[name=idNumber]", agentId.value());
      page.check(card + " input[name=scope][value=RECRUIT]");
      shot(page, "80-employer-authorises-an-agent");
      page.click(card + " button:text-is('授权')");
      page.waitForSelector("#done-notice");
      assertThat(page.textContent("#done-notice")).contains("何佳");
    }
    // 2. The agent acts for the company and posts a vacancy: refused for a discriminatory word, then accepted.
    try (var context = zh()) {
      var page = SignInSteps.residentSignsIn(context, url(""), agentPhone, "Hejia-2026-work");
      page.navigate(url("/my/units"));
      page.click("#unit-" + unit.id() + " button:text-is('以该单位名义办理')");
      page.waitForSelector("#acting-unit");
      assertThat(page.textContent("#acting-unit")).contains(unit.name());
      page.navigate(url("/my/units/vacancies"));
      page.fill("#v-title", "叉车司机" + marker);
      page.fill("#v-occupation", "叉车司机");
      page.fill("#v-openings", "2");
      page.fill("#v-payMin", "5200");
      page.fill("#v-payMax", "6800");
      page.fill("#region-q", villageName);
      page.click("#region-choices label.choice:has-text('大东区') input >> nth=0");
      page.fill("#v-requirements", "持叉车证，限男性");
      page.click("button:text-is('发布')");
      page.waitForSelector(".problems");
      assertThat(page.textContent(".problems")).contains("限男性").contains("《就业促进法》第二十七条");
      shot(page, "81-vacancy-refused-for-a-discriminatory-word");
      page.fill("#v-requirements", "持叉车证，一年以上经验");
      page.click("button:text-is('发布')");
      page.waitForSelector("#done-notice");
      assertThat(page.textContent("main")).contains("叉车司机" + marker);
      shot(page, "82-vacancy-posted");
    }
    // 3. A seeker finds it in her own words and applies.
    try (var context = zh()) {
      var page = SignInSteps.residentSignsIn(context, url(""), seekerPhone, "Journey-2026-home");
      page.navigate(url("/jobs"));
      page.fill("#q", "开叉车 " + marker);
      page.click("button:text-is('搜索')");
      page.waitForSelector("a:text-is('叉车司机" + marker + "')");
      // The map shades the city where it is, from the boundaries the platform serves.
      page.waitForSelector("#job-map path.leaflet-interactive");
      assertThat(page.textContent("#job-spread")).contains("沈阳市");
      shot(page, "83-seeker-finds-it-in-her-words");
      page.click("a:text-is('叉车司机" + marker + "')");
      page.fill("#note", "有叉车证，干过三年仓库");
      page.click("button:text-is('申请这个岗位')");
      page.waitForSelector("#done-notice");
      assertThat(page.textContent(".application-status")).isEqualTo("已申请");
      shot(page, "84-applied");
    }
    // 4. The agent hires her.
    try (var context = zh()) {
      var page = SignInSteps.residentSignsIn(context, url(""), agentPhone, "Hejia-2026-work");
      page.navigate(url("/my/units"));
      page.click("#unit-" + unit.id() + " button:text-is('以该单位名义办理')");
      page.waitForSelector("#acting-unit");
      page.navigate(url("/my/units/vacancies"));
      page.click("a:text-is('叉车司机" + marker + "')");
      assertThat(page.textContent("main")).contains("吴春梅").contains("有叉车证");
      shot(page, "85-applicants");
      page.click("button:text-is('录用')");
      page.waitForSelector("#done-notice");
      assertThat(page.textContent(".application-status")).isEqualTo("已录用");
      shot(page, "86-hired");
    }
    // 5. The county's labour bureau sees the new job at once.
    // Staged changes are folded in every 200 ms: within a second or two of the hire.
    long deadline = System.currentTimeMillis() + 10_000;
    do {
      figures.navigate(url("/workbench/employment?region=" + COUNTY));
    } while (newJobsThisMonth(figures) == before && System.currentTimeMillis() < deadline);
    assertThat(newJobsThisMonth(figures)).isEqualTo(before + 1);
    shot(figures, "87-county-counts-the-new-job");
    bureau.close();
  }
}
