package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.time.Duration;
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
import org.tongban.Eventually;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseFile;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
import org.tongban.consultation.internal.Retrieval;
import org.tongban.identity.NewStaff;
import org.tongban.identity.Role;
import org.tongban.identity.StaffAccounts;
import org.tongban.identity.internal.ResidentFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.NewResident;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 12333 journey (#15.8): a resident asks about unemployment benefit in everyday words and gets the article and
 * the item, and rates the answer; asks "我的申请到哪了" and sees her own case; asks something the knowledge base cannot
 * answer, is offered a person and opens a ticket, which reaches her county's office; the office replies and she rates
 * the reply. Screenshots 100–105.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class ConsultationJourneyTests {

  static final String COUNTY = "210112"; // 浑南区

  @LocalServerPort int port;
  @Autowired StaffAccounts accounts;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired PasswordEncoder passwords;
  @Autowired Applications applications;
  @Autowired Retrieval retrieval;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  Playwright playwright;
  Browser browser;
  CaseFile herCase;
  final String phone = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));

  @BeforeAll
  void herAndTheOffice() throws Exception {
    Files.createDirectories(BrowserJourneyTests.SHOTS);
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    var hrss = fixtures.office("hrss", COUNTY);
    fixtures.office("hrss", "2101");
    fixtures.office("government-services", COUNTY);
    fixtures.office("civil-affairs", COUNTY);
    fixtures.office("housing", COUNTY);
    String village = jdbc.sql("select code from region.region where code like ? and level = 5 and valid_to is null"
        + " order by code limit 1").param(COUNTY + "%").query(String.class).single();
    IdNumber id = org.tongban.StaffFixtures.idNumberBorn(COUNTY, "19790318");
    var her = as(clerkOf(COUNTY), () -> residents.register(new NewResident("刘桂芝", id.value(), null, village, village)));
    var account = ResidentFixtures.accountFor(secrets, her.id(), "刘桂芝", id, phone);
    jdbc.sql("update identity.resident_account set password_hash = ? where person_id = ?")
        .params(passwords.encode("Journey-2026-home"), her.id().value()).update();
    herCase = as(account, () -> applications.apply(new NewApplication("hrss.ss-card-application", her.id(), Channel.WEB,
        RegionBasis.RESIDENCE, null, json.readTree("""
            {"applicantName":"刘桂芝","contactPhone":"%s","deliveryAddress":"沈阳市浑南区浑南中路1号"}"""
            .formatted(phone)), null, null)));
    // The county's 12345/12333 desk answers tickets of every department there.
    if (accounts.find("hunnan-12333").isEmpty()) {
      accounts.create(new NewStaff("hunnan-12333", "浑南区12333坐席", hrss.id(), EnumSet.of(Role.OFFICER),
          Set.of(new Scope(hrss.region(), Scope.ANY_DEPARTMENT, Purpose.CAPTURE)), Set.of()), "Journey-2026-pass");
    }
    Eventually.until("the knowledge base's embeddings", Duration.ofMinutes(15), retrieval::dense);
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

  private void ask(Page page, String question) {
    page.navigate(url("/consultation"));
    page.fill("#q", question);
    page.click("#ask-form button[type=submit]");
    page.waitForSelector("#answer");
  }

  @Test
  void sheAsksInEverydayWordsSeesHerCaseAndAPersonAnswersWhatTheBaseCannot() {
    String number;
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      var page = SignInSteps.residentSignsIn(context, url(""), phone, "Journey-2026-home");
      // 1. Unemployment benefit in her own words: the article, quoted with its law and number, and the item.
      ask(page, "我交了三年失业保险被裁了，失业金能领几个月？");
      var sources = page.locator("#answer li.source").allTextContents();
      assertThat(String.join(" ", sources.subList(0, 3))).containsAnyOf("第四十六条", "第十七条");
      assertThat(page.locator("#answer-items a").allTextContents()).anySatisfy(t -> assertThat(t).contains("失业保险金"));
      assertThat(page.locator("#offer-person").count()).isZero();
      shot(page, "100-consultation-answer-with-article");
      page.click("#rate-5");
      page.waitForSelector("#consultation-rated");
      // 2. Her own application, read from her cases.
      ask(page, "我的申请到哪了");
      assertThat(page.textContent("#personal-answer")).contains(herCase.number()).contains("社会保障卡");
      shot(page, "101-consultation-my-case");
      // 3. Something the base cannot answer: a person is offered; she opens a ticket.
      ask(page, "小区物业不作为怎么办");
      page.waitForSelector("#offer-person");
      shot(page, "102-consultation-offers-a-person");
      page.click("#ticket-form button[type=submit]");
      page.waitForSelector("#ticket-opened");
      number = page.textContent("#ticket-opened").replaceAll(".*(ZX\\d+).*", "$1");
      assertThat(number).startsWith("ZX");
      shot(page, "103-consultation-ticket-opened");
    }
    // 4. The county's desk sees it in its queue and replies.
    String office = jdbc.sql("select o.region_code from consultation.ticket t join organisation.office o on o.id = t.office_id"
        + " where t.number = ?").param(number).query(String.class).single();
    assertThat(office).isEqualTo(COUNTY + "000000");
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      var desk = context.newPage();
      SignInSteps.signInAndEnrolAuthenticator(desk, url(""), "hunnan-12333", "Journey-2026-pass", null);
      desk.navigate(url("/workbench/consultation"));
      desk.fill("#reply-" + number, "物业服务纠纷可向所在街道办事处或住房和城乡建设部门投诉，我们已将您的诉求转给浑南区住建局物业科跟进。");
      shot(desk, "104-consultation-desk-replies");
      desk.click("#ticket-" + number + " form button[type=submit]");
      desk.waitForSelector("main .banner");
      assertThat(desk.textContent("main .banner")).contains(number);
    }
    // 5. She reads the reply and rates it; the ticket is closed.
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      var page = SignInSteps.residentSignsIn(context, url(""), phone, "Journey-2026-home");
      page.navigate(url("/my/consultation"));
      assertThat(page.textContent("#ticket-" + number)).contains("物业服务纠纷").contains("已答复");
      page.click("#ticket-" + number + " button[value='5']");
      page.waitForSelector("main .banner");
      assertThat(page.textContent("#ticket-" + number)).contains("已办结").contains("5 分");
      shot(page, "105-consultation-reply-rated");
    }
  }

  /**
   * 200 % zoom (#15.8): a 1280 × 900 screen zoomed to 200 % lays the page out in 640 × 450 CSS pixels at twice the
   * density. The chat must then still read without scrolling sideways: the question box, the quoted articles and the
   * rating fit the width, the text is at least 16 CSS px, and the long law titles wrap.
   */
  @Test
  void theChatReadsAt200PercentZoomWithoutScrollingSideways() {
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
        .setViewportSize(640, 450).setDeviceScaleFactor(2))) {
      var page = context.newPage();
      ask(page, "我交了三年失业保险被裁了，失业金能领几个月？");
      assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))
          .as("no sideways scrolling at 200 %").isTrue();
      for (String selector : new String[] {"#q", "#answer li.source", "#answer-items a", "#rate-5"}) {
        var box = page.locator(selector).first().boundingBox();
        assertThat(box.x).as(selector + " starts inside").isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).as(selector + " ends inside").isLessThanOrEqualTo(640.5);
      }
      Object size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('#answer li.source')).fontSize)");
      assertThat(((Number) size).doubleValue()).isGreaterThanOrEqualTo(16);
      shot(page, "106-consultation-at-200-percent");
    }
  }
}
