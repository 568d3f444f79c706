package org.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.StaffFixtures.as;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.security.core.userdetails.UserDetails;
import org.tongban.casework.CaseworkFixtures;
import org.tongban.health.AccessEntry;
import org.tongban.health.ClinicKind;
import org.tongban.health.ClinicSystems;
import org.tongban.health.Clinics;
import org.tongban.health.HealthRecords;
import org.tongban.identity.SmartLaunch;
import org.tongban.identity.internal.ResidentFixtures;
import org.tongban.identity.internal.ResidentSecrets;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.NewResident;
import org.tongban.person.Residents;
import smartapp.HealthApp;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMART App Launch end to end (#17.2), in a real browser: a resident opens a third-party health app (a second Spring
 * Boot application), is sent to Tongban, signs in (the sign-in and consent forms end in a redirect to the app's
 * origin, which the pages' form-action policy must allow), agrees on Tongban's consent page to let it read her e-health record,
 * and the app shows her record read over FHIR with the token it got; the same token finds nothing of another
 * resident and cannot write; her "who looked at my record" names the app. An app naming another server as its
 * audience is refused before anyone signs in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class SmartLaunchBrowserTests {

  static final int PORT = FederationTests.freePort();
  static final String COUNTY = CaseworkFixtures.HEPING;
  static final String PASSWORD = "Smart-2026-health";

  @DynamicPropertySource
  static void publicAddress(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("tongban.public-url", () -> "http://127.0.0.1:" + PORT);
  }

  @Autowired RegisteredClientRepository clients;
  @Autowired PasswordEncoder passwords;
  @Autowired Clinics clinics;
  @Autowired HealthRecords records;
  @Autowired OrganisationDirectory organisations;
  @Autowired Residents residents;
  @Autowired ResidentSecrets secrets;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  final String phone = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  final String appId = "health-app-" + UUID.randomUUID().toString().substring(0, 8);
  int appPort;
  UUID her;
  UUID other;
  UserDetails herUser;
  ConfigurableApplicationContext app;
  Playwright playwright;
  Browser browser;

  @BeforeAll
  void start() throws Exception {
    Files.createDirectories(BrowserJourneyTests.SHOTS);
    var fixtures = new CaseworkFixtures(organisations, residents, secrets, jdbc);
    String village = fixtures.village(COUNTY);
    var herId = org.tongban.StaffFixtures.idNumberBorn(COUNTY, "19580305");
    var person = as(org.tongban.StaffFixtures.clerkOf(COUNTY),
        () -> residents.register(new NewResident("刘桂芝", herId.value(), null, village, village)));
    her = person.id().value();
    herUser = ResidentFixtures.accountFor(secrets, person.id(), "刘桂芝", herId, phone);
    jdbc.sql("update identity.resident_account set password_hash = ? where person_id = ?")
        .params(passwords.encode(PASSWORD), her).update();
    other = fixtures.resident("邻居", COUNTY).person().id().value();

    // Her community health centre writes two readings for her and one for her neighbour.
    var systems = new ClinicSystems(tongban(""), clients, passwords, clinics, json);
    String clinic = systems.register("和平区社区卫生服务中心（SMART 测试）", ClinicKind.COMMUNITY_HEALTH_CENTRE,
        fixtures.township(COUNTY));
    for (var write : new Object[][] {{her, "血压", "2026-11-20"}, {her, "体重", "2026-11-21"}, {other, "血糖", "2026-11-22"}}) {
      var response = systems.send(clinic, "POST", "/fhir/Observation", """
          {"resourceType":"Observation","status":"final","code":{"text":"%s"},"subject":{"reference":"Patient/%s"},
           "effectiveDateTime":"%s","valueString":"正常"}""".formatted(write[1], write[0], write[2]));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    // The app: a confidential client with SMART's patient scopes, the resident's consent required.
    try (var socket = new ServerSocket(0)) {
      appPort = socket.getLocalPort();
    }
    String secret = UUID.randomUUID().toString();
    clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(appId).clientName("健康助手")
        .clientSecret(passwords.encode(secret)).clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .redirectUri(app("/login/oauth2/code/tongban"))
        .scope("openid").scope(SmartLaunch.FHIR_USER).scope(SmartLaunch.LAUNCH_PATIENT).scope(SmartLaunch.PATIENT_READ)
        .clientSettings(ClientSettings.builder().requireAuthorizationConsent(true).requireProofKey(true).build())
        .build());
    app = HealthApp.start(appPort, tongban(""), appId, secret);
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
  }

  @AfterAll
  void stop() {
    if (browser != null) browser.close();
    if (playwright != null) playwright.close();
    if (app != null) app.close();
  }

  String tongban(String path) {
    return "http://127.0.0.1:" + PORT + path;
  }

  String app(String path) {
    return "http://127.0.0.1:" + appPort + path;
  }

  @Test
  void aResidentLetsAnAppReadHerRecordAndOnlyHers() {
    try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
      // Not signed in yet: the app sends her to Tongban's sign-in page, then to the consent page.
      Page page = context.newPage();
      page.navigate(app("/"));
      page.waitForURL(u -> u.startsWith(tongban("/login")));
      page.fill("#username", phone);
      page.fill("#password", PASSWORD);
      page.click("button:text-is('登录')");
      // Tongban's consent page names the app and what it asks for.
      page.waitForSelector("#consent-client");
      assertThat(page.locator("#consent-client").textContent()).contains("健康助手");
      assertThat(page.locator("main").textContent()).contains("查看您的电子健康档案");
      page.screenshot(new Page.ScreenshotOptions().setPath(BrowserJourneyTests.SHOTS.resolve("smart-1-consent.png")));
      page.click("button:text-is('同意并继续')");

      // The app shows her, and her two readings, read over FHIR with its token.
      page.waitForSelector("#count");
      assertThat(page.textContent("#patient")).isEqualTo(her.toString());
      assertThat(page.textContent("#name")).isEqualTo("刘桂芝");
      assertThat(page.textContent("#fhir-user")).isEqualTo(tongban("/fhir/Patient/" + her));
      assertThat(page.textContent("#count")).isEqualTo("2");
      assertThat(page.textContent("#observations")).contains("血压").contains("体重").doesNotContain("血糖");
      page.screenshot(new Page.ScreenshotOptions().setPath(BrowserJourneyTests.SHOTS.resolve("smart-2-app.png")));

      // Her neighbour's record: nothing found, not readable; and the app cannot write.
      page.navigate(app("/probe?patient=" + other));
      assertThat(page.textContent("#search")).isEqualTo("0");
      assertThat(page.textContent("#read")).isEqualTo("404");
      assertThat(page.textContent("#write")).isEqualTo("403");
    }
    // Every look by the app is on her record, named as the app she authorised; none on her neighbour's.
    var looks = as(herUser, () -> records.myAccess(50));
    assertThat(looks).filteredOn(a -> a.actorKind().equals("APP")).extracting(AccessEntry::action)
        .contains("READ", "SEARCH");
    assertThat(looks).filteredOn(a -> a.actorKind().equals("APP"))
        .allSatisfy(a -> assertThat(a.actorName()).startsWith("健康助手"));
    assertThat(jdbc.sql("select count(*) from health.access where patient = ? and actor_kind = 'APP'").param(other)
        .query(Long.class).single()).isZero();
  }

  @Test
  void theServerPublishesItsSmartConfigurationAndRefusesAnotherAudience() throws Exception {
    var http = HttpClient.newHttpClient();
    var config = http.send(HttpRequest.newBuilder(URI.create(tongban("/fhir/.well-known/smart-configuration"))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(config.statusCode()).isEqualTo(200);
    Map<?, ?> doc = json.readValue(config.body(), Map.class);
    assertThat(doc.get("authorization_endpoint")).isEqualTo(tongban("/oauth2/authorize"));
    assertThat(String.valueOf(doc.get("capabilities"))).contains("launch-standalone", "context-standalone-patient");
    assertThat(http.send(HttpRequest.newBuilder(URI.create(tongban("/fhir/metadata"))).build(),
        HttpResponse.BodyHandlers.ofString()).body()).contains("SMART-on-FHIR").contains("oauth-uris");

    // An authorization request for patient data with another server as audience: sent back with invalid_request.
    String authorize = tongban("/oauth2/authorize?response_type=code&client_id=" + appId + "&redirect_uri="
        + URLEncoder.encode(app("/login/oauth2/code/tongban"), StandardCharsets.UTF_8) + "&scope="
        + URLEncoder.encode("openid launch/patient patient/*.read", StandardCharsets.UTF_8)
        + "&state=s1&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&aud="
        + URLEncoder.encode("https://elsewhere.example/fhir", StandardCharsets.UTF_8));
    var refused = http.send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location").orElseThrow()).startsWith(app("/login/oauth2/code/tongban"))
        .contains("error=invalid_request");
  }
}
