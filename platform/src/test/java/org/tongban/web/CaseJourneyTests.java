package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.StaffFixtures.as;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.randomIdNumber;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
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
import org.tongban.shared.IdNumber;
import org.tongban.shared.RegionCode;

/**
 * 全省通办 in the browser: a resident of 和平区 applies online; a window in 沈河区 takes in her paper
 * application for another item and forwards it; 和平区's 人社 office decides both; she downloads the
 * certificate, verifies its code on the public page and rates the service. Screenshots 20–29.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class CaseJourneyTests {

  @LocalServerPort int port;
  @Autowired StaffAccounts accounts;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired PasswordEncoder passwords;
  @Autowired JdbcClient jdbc;

  Playwright playwright;
  Browser browser;
  IdNumber idNumber;
  String phone = "139" + String.format("%08d", (int) (Math.random() * 100_000_000));

  @BeforeAll
  void setUp() throws Exception {
    Files.createDirectories(BrowserJourneyTests.SHOTS);
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
    var hrss = office("hrss", "210102", OfficeKind.OFFICE);
    var hall = office("government-services", "210103", OfficeKind.SERVICE_HALL);
    staff("heping-hrss", hrss, Role.OFFICER);
    staff("shenhe-window", hall, Role.CLERK);
    idNumber = randomIdNumber("210102");
    String village = jdbc.sql("select code from region.region where code like '210102%' and level = 5 order by code limit 1")
        .query(String.class).single();
    var person = as(clerkOf("210102"), () -> residents.register(new NewResident("张桂英", idNumber.value(), null, village, village)));
    ResidentFixtures.accountWithPassword(secrets, passwords, person.id(), "张桂英", idNumber, phone, "guiying2026");
  }

  private Office office(String department, String region, OfficeKind kind) {
    return organisations.officeAt(department, RegionCode.of(region)).orElseGet(() -> {
      var o = new Office(OfficeId.random(), department, RegionCode.of(region), kind, "测试" + region + department, null, null, false, 0);
      organisations.insert(o);
      return o;
    });
  }

  private void staff(String username, Office office, Role role) {
    if (accounts.find(username).isPresent()) return;
    accounts.create(new NewStaff(username, username, office.id(), EnumSet.of(role),
        Set.of(new Scope(office.region(), Scope.ANY_DEPARTMENT, Purpose.CAPTURE),
            new Scope(office.region(), Scope.ANY_DEPARTMENT, Purpose.SEARCH)), Set.of()), "Journey-2026-pass");
  }

  @AfterAll
  void close() {
    browser.close();
    playwright.close();
  }

  private static Browser.NewContextOptions zh() {
    return new Browser.NewContextOptions().setLocale("zh-CN");
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(BrowserJourneyTests.SHOTS.resolve(name + ".png")));
  }

  private Page residentSignsIn(BrowserContext context) {
    return SignInSteps.residentSignsIn(context, url(""), phone, "guiying2026");
  }

  private Page staffSignsIn(BrowserContext context, String username) {
    var page = context.newPage();
    SignInSteps.signInAndEnrolAuthenticator(page, url(""), username, "Journey-2026-pass", null);
    return page;
  }

  private static String pdfText(java.nio.file.Path file) {
    try {
      var reader = new org.openpdf.text.pdf.PdfReader(Files.readAllBytes(file));
      var text = new StringBuilder();
      for (int p = 1; p <= reader.getNumberOfPages(); p++) {
        text.append(new org.openpdf.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(p));
      }
      return text.toString().replaceAll("\\s+", "");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  int openedMaterials;

  @Test
  void aPaperApplicationTakenInAnotherCountyIsDecidedVerifiedAndRated() {
    // 1. The resident finds a service by a word she would use and applies online; her name is filled in.
    try (var context = browser.newContext(zh())) {
      var page = residentSignsIn(context);
      page.navigate(url("/services?q=失业证"));
      shot(page, "20-services-search");
      page.click("a:text-is('失业登记')");
      page.click("a:text-is('在线申请')");
      assertThat(page.inputValue("#f-applicantName")).isEqualTo("张桂英");
      page.fill("#f-endDate", "2026-10-31");
      page.selectOption("#f-endReason", "合同期满");
      page.fill("#f-contactPhone", "13800001111");
      shot(page, "21-apply-prefilled");
      page.click("button:text-is('提交申请')");
      page.waitForSelector("#case-status");
      assertThat(page.textContent("#case-status")).isEqualTo("预审中");
      shot(page, "22-my-case-submitted");
    }
    // 2. A window in 沈河区 takes in her paper application for the benefit, records her authorisation, forwards it.
    try (var context = browser.newContext(zh())) {
      var page = staffSignsIn(context, "shenhe-window");
      page.navigate(url("/workbench/file?idNumber=" + idNumber.value() + "&item=hrss.unemployment-benefit"));
      page.selectOption("#basis", "INSURED");
      // The region is picked by name, as a clerk would: type part of it, choose the full name.
      page.fill("#region-q", "和平区");
      page.click("label.choice:has-text('辽宁省沈阳市和平区') input");
      page.fill("#f-endDate", "2026-10-31");
      page.selectOption("#f-endReason", "合同期满");
      page.fill("#f-bankAccount", "6222020200112233");
      page.fill("#f-contactPhone", "13800001111");
      page.fill("#authorisation", "本人持纸质申请表到沈河区政务服务中心窗口，当面签署委托");
      shot(page, "23-window-files-paper-application");
      page.click("button:text-is('提交申请')");
      page.waitForSelector("button:text-is('预审通过')");
      // The platform holds neither her contribution record nor an unemployment registration yet: the window scans
      // her papers in.
      for (var m : new String[][] {{"insurance-record", "参保缴费记录"}, {"employment-record", "就业失业登记记录"}}) {
        page.selectOption("#code", m[0]);
        page.setInputFiles("#file", new com.microsoft.playwright.options.FilePayload(m[0] + ".pdf", "application/pdf",
            org.tongban.casework.CaseworkFixtures.pdf(m[1])));
        page.click("button:text-is('上传')");
        page.waitForSelector("p.notice:has-text('" + m[1] + "')");
      }
      page.fill("#note", "纸质材料原件已核验，转和平区人社局受理");
      page.click("button:text-is('预审通过')");
      page.waitForSelector("#case-status");
      assertThat(page.textContent("#case-status")).isEqualTo("待受理");
      shot(page, "24-window-forwarded");
    }
    // 3. The competent office decides both, nearest due date first.
    try (var context = browser.newContext(zh())) {
      var page = staffSignsIn(context, "heping-hrss");
      page.navigate(url("/workbench"));
      shot(page, "25-competent-office-queue");
      for (int i = 0; i < 2; i++) {
        page.navigate(url("/workbench"));
        // Her cases, nearest due date first (other tests may leave cases of their own in this office's queue).
        page.click("table tbody tr:has-text('张桂英') >> nth=0 >> a");
        page.waitForSelector("#case-status");
        // The officer opens the papers the window scanned in (within jurisdiction, audited).
        var scanned = page.locator("a:has-text('打开（PDF')");
        if (scanned.count() > 0) {
          var material = context.request().get(url(scanned.first().getAttribute("href")));
          assertThat(material.status()).isEqualTo(200);
          assertThat(material.headers().get("content-type")).startsWith("application/pdf");
          assertThat(new String(material.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF");
          openedMaterials++;
        }
        for (String button : new String[] {"预审通过", "受理", "审查同意", "准予", "送达"}) {
          var b = page.locator("button:text-is('" + button + "')");
          if (b.count() > 0) {
            // A benefit is granted with its amount and period, which the decision document states.
            if (page.locator("#terms").count() > 0) {
              page.fill("#amount", "1850");
              page.fill("#from", java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
              shot(page, "25b-officer-grants-benefit");
            }
            b.click();
            // Each step answers with a message on the page it returns to.
            page.waitForSelector("#done-notice");
            assertThat(page.textContent("#done-notice")).as("a message after " + button).startsWith("已");
          }
        }
      }
      page.navigate(url("/workbench"));
      assertThat(page.textContent("main")).doesNotContain("张桂英");
      assertThat(openedMaterials).as("the officer opened the scanned papers").isPositive();
    }
    // 4. She downloads the result, verifies its code on the public page and rates the service.
    try (var context = browser.newContext(zh().setAcceptDownloads(true))) {
      var page = residentSignsIn(context);
      page.navigate(url("/my/cases"));
      shot(page, "26-my-cases");
      page.click("tr:has-text('失业保险金申领') a");
      assertThat(page.textContent("#case-status")).isEqualTo("已办结");
      var download = page.waitForDownload(() -> page.click("a:has-text('(PDF)')"));
      assertThat(download.suggestedFilename()).endsWith(".pdf");
      // What was decided, on what basis, and how to appeal: in the document she keeps.
      String decision = pdfText(download.path());
      assertThat(decision).contains("失业保险待遇核定通知").contains("每月1,850.00元").contains("《失业保险条例》")
          .contains("六十日内").contains("行政复议").contains("六个月内").contains("/verify/");
      String code = page.textContent("li code");
      page.click("a:text-is('核验')");
      page.waitForSelector("#verify-result");
      assertThat(page.textContent("#verify-result")).startsWith("有效");
      assertThat(page.textContent("main")).contains("失业保险待遇核定通知").doesNotContain("张桂英");
      shot(page, "27-verify-certificate");
      page.goBack();
      page.check("input[name=overall][value='4']");
      page.fill("#comment", "在沈河区窗口就办了，不用跑和平区。");
      shot(page, "28-rate");
      page.click("button:text-is('提交评价')");
      page.waitForSelector("text=您已评价");
      shot(page, "29-rated");
      assertThat(code).hasSize(16);
    }
  }
}
