package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.identity.NewStaff;
import org.tongban.identity.Role;
import org.tongban.identity.StaffAccounts;
import org.tongban.shared.RegionCode;
import relyingparty.DepartmentApp;

/**
 * 一次登录, shown in a real browser: sign in once at Tongban, open a department's own system (a second
 * Spring Boot application that trusts Tongban) and be signed in there without typing anything; sign out
 * there and be signed out of both. Screenshots in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class OneLoginBrowserTests {

  /** The issuer is configuration (tongban.public-url), so the port is chosen before the platform starts. */
  static final int PORT = FederationTests.freePort();

  @DynamicPropertySource
  static void publicAddress(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("tongban.public-url", () -> "http://127.0.0.1:" + PORT);
  }

  static final Path SHOTS = Path.of("target/screenshots");
  static final String PASSWORD = "One-login-2026";

  final int port = PORT;
  @Autowired RegisteredClientRepository clients;
  @Autowired PasswordEncoder passwords;
  @Autowired StaffAccounts accounts;

  int rpPort;
  ConfigurableApplicationContext department;
  Playwright playwright;
  Browser browser;

  @BeforeAll
  void start() throws Exception {
    Files.createDirectories(SHOTS);
    try (var socket = new ServerSocket(0)) {
      rpPort = socket.getLocalPort();
    }
    String secret = UUID.randomUUID().toString();
    clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId("dept-hrss-system")
        .clientName("人社业务系统").clientSecret(passwords.encode(secret))
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .redirectUri(rp("/login/oauth2/code/tongban")).postLogoutRedirectUri(rp("/signed-out"))
        .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
        .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(true).build())
        .build());
    accounts.create(new NewStaff("one-login-clerk", "一次登录测试", null, EnumSet.of(Role.CLERK),
        Set.of(new Scope(RegionCode.of("210102"), Scope.ANY_DEPARTMENT, Purpose.CAPTURE)), Set.of()), PASSWORD);
    department = DepartmentApp.start(rpPort, tongban(""), "dept-hrss-system", secret);
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.close();
    if (playwright != null) playwright.close();
    if (department != null) department.close();
  }

  String tongban(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  String rp(String path) {
    return "http://127.0.0.1:" + rpPort + path;
  }

  @Test
  void signInOnceUseTheDepartmentSystemAndSignOutOfBoth() {
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      Page page = context.newPage();
      SignInSteps.signInAndEnrolAuthenticator(page, tongban(""), "one-login-clerk", PASSWORD, null);
      assertThat(page.locator("main").textContent()).contains("一次登录测试");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("13-tongban-signed-in.png")));

      // The department system: no sign-in form, straight in.
      page.navigate(rp("/"));
      page.waitForSelector("#who");
      assertThat(page.url()).startsWith(rp("/")).doesNotContain("/login");
      String shown = page.locator("#who").textContent();
      assertThat(shown).contains("已通过通办统一身份认证登录").doesNotContain("one-login-clerk");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("14-department-signed-in-once.png")));

      // Sign out at the department: RP-initiated logout ends the Tongban session too.
      page.click("button:text-is('退出登录')");
      page.waitForSelector("#bye");
      assertThat(page.url()).isEqualTo(rp("/signed-out"));
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("15-signed-out-of-both.png")));

      page.navigate(tongban("/residents"));
      assertThat(page.url()).startsWith(tongban("/login"));
      page.navigate(rp("/"));
      assertThat(page.url()).startsWith(tongban("/login"));
    }
  }
}
