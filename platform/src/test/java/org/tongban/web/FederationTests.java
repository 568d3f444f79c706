package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tongban.StaffFixtures;
import upstream.ProvincialIdentityPlatform;
import upstream.ProvincialIdentityPlatform.Person;

/**
 * Federation: a resident signs in to Tongban through an upstream provider (a second, real authorization
 * server started here on loopback) and is linked to a local account by the verified ID number it asserts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class FederationTests {

  static final int TONGBAN = freePort();
  static final int UPSTREAM = freePort();
  static final String SECRET = UUID.randomUUID().toString();
  static final String ID_NUMBER = StaffFixtures.randomIdNumber("210102").value();
  static final String PHONE = "+86136" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000);
  static ConfigurableApplicationContext platform;

  @Autowired JdbcClient jdbc;
  Playwright playwright;
  Browser browser;

  static int freePort() {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void upstream(DynamicPropertyRegistry registry) {
    if (platform == null) {
      platform = ProvincialIdentityPlatform.start(UPSTREAM,
          "http://127.0.0.1:" + TONGBAN + "/login/oauth2/code/province", SECRET, Map.of(
              "zhang.san", new Person("zhang.san", "upstream-pw-1",
                  Map.of("id_number", ID_NUMBER, "name", "张三", "phone_number", PHONE)),
              "no.realname", new Person("no.realname", "upstream-pw-2", Map.of("name", "无实名"))));
    }
    registry.add("server.port", () -> TONGBAN);
    registry.add("spring.security.oauth2.client.registration.province.client-id", () -> "tongban");
    registry.add("spring.security.oauth2.client.registration.province.client-secret", () -> SECRET);
    registry.add("spring.security.oauth2.client.registration.province.client-name", () -> "省统一身份认证平台");
    registry.add("spring.security.oauth2.client.registration.province.scope", () -> "openid,profile,phone");
    registry.add("spring.security.oauth2.client.registration.province.redirect-uri",
        () -> "{baseUrl}/login/oauth2/code/{registrationId}");
    registry.add("spring.security.oauth2.client.provider.province.issuer-uri", () -> "http://127.0.0.1:" + UPSTREAM);
  }

  @BeforeAll
  void launch() {
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
  }

  @AfterAll
  void close() {
    if (browser != null) browser.close();
    if (playwright != null) playwright.close();
    if (platform != null) platform.close();
  }

  private Page signInUpstream(Browser.NewContextOptions options, String username, String password) {
    Page page = browser.newContext(options).newPage();
    page.navigate("http://127.0.0.1:" + TONGBAN + "/login");
    page.click("text=用省统一身份认证平台账号登录");
    page.waitForSelector("input[name=username]");
    assertThat(page.url()).startsWith("http://127.0.0.1:" + UPSTREAM);
    page.fill("input[name=username]", username);
    page.fill("input[name=password]", password);
    page.click("button[type=submit]");
    page.waitForURL(url -> url.startsWith("http://127.0.0.1:" + TONGBAN));
    return page;
  }

  @Test
  void aResidentSignsInThroughTheProvincialPlatformAndIsLinkedByIdNumber() {
    var options = new Browser.NewContextOptions().setLocale("zh-CN");
    Page page = signInUpstream(options, "zhang.san", "upstream-pw-1");
    assertThat(page.locator("main").textContent()).contains("您已登录：张三");
    page.screenshot(new Page.ScreenshotOptions().setPath(BrowserJourneyTests.SHOTS.resolve("16-federated-sign-in.png")));

    Page again = signInUpstream(options, "zhang.san", "upstream-pw-1");
    assertThat(again.locator("main").textContent()).contains("您已登录：张三");
    long accounts = jdbc.sql("select count(*) from identity.resident_account where id_number_masked = ?")
        .param(ID_NUMBER.substring(0, 3) + "***********" + ID_NUMBER.substring(14)).query(Long.class).single();
    assertThat(accounts).isEqualTo(1);
    long links = jdbc.sql("select count(*) from identity.federated_link where registration_id = 'province'")
        .query(Long.class).single();
    assertThat(links).isEqualTo(1);
  }

  @Test
  void anUpstreamThatAssertsNoIdNumberCannotSignAnyoneIn() {
    Page page = signInUpstream(new Browser.NewContextOptions().setLocale("zh-CN"), "no.realname", "upstream-pw-2");
    assertThat(page.url()).contains("/login?federation-failed");
    assertThat(page.locator("main").textContent()).contains("未能通过上级统一身份认证平台登录");
  }
}
