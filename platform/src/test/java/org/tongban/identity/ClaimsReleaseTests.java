package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.tongban.StaffFixtures.randomIdNumber;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.BrowserSession;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongban.audit.AuditQuery;
import org.tongban.audit.AuditTrail;
import tools.jackson.databind.json.JsonMapper;

/** A client receives a resident's claims only for the scopes it was granted; phone and ID number are audited. */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class ClaimsReleaseTests {

  static final String SECRET = UUID.randomUUID().toString();
  static final String CALLBACK = "https://sbj.example.gov.cn/callback";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired RegisteredClientRepository clients;
  @Autowired PasswordEncoder passwords;
  @Autowired JwtDecoder jwts;
  @Autowired JsonMapper json;
  @Autowired AuditTrail audit;

  private void client(String id, String... scopes) {
    if (clients.findByClientId(id) != null) return;
    var builder = RegisteredClient.withId(UUID.randomUUID().toString()).clientId(id).clientName(id)
        .clientSecret(passwords.encode(SECRET)).clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri(CALLBACK)
        .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build());
    for (String s : scopes) builder.scope(s);
    clients.save(builder.build());
  }

  private BrowserSession resident(String phone, String id) throws Exception {
    mvc.perform(post("/register").with(csrf()).param("step", "send-code").param("phone", phone));
    String text = jdbc.sql("select text from identity.sms_outbox order by id desc limit 1").query(String.class).single();
    var m = Pattern.compile("(\\d{6})").matcher(text);
    assertThat(m.find()).isTrue();
    mvc.perform(post("/register").with(csrf()).param("name", "孙秀英").param("idNumber", id).param("phone", phone)
        .param("password", "xiuying2026").param("smsCode", m.group(1)))
        // Known to the registry: straight to sign-in; not yet: told what happens next.
        .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isIn("/register/next", "/login?registered"));
    var session = BrowserSession.in(mvc);
    session.perform(post("/login").with(csrf()).param("username", phone).param("password", "xiuying2026"))
        .andExpect(redirectedUrl("/"));
    return session;
  }

  private Jwt idToken(BrowserSession session, String clientId, String scope) throws Exception {
    String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    String challenge = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    var location = session.perform(get(URI.create("/oauth2/authorize?response_type=code&client_id=" + clientId
            + "&redirect_uri=" + CALLBACK + "&scope=" + scope.replace(" ", "%20") + "&state=s&code_challenge="
            + challenge + "&code_challenge_method=S256")))
        .andReturn().getResponse().getRedirectedUrl();
    String code = UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst("code");
    var body = mvc.perform(post("/oauth2/token").param("grant_type", "authorization_code").param("code", code)
            .param("redirect_uri", CALLBACK).param("code_verifier", verifier).with(httpBasic(clientId, SECRET)))
        .andReturn().getResponse().getContentAsString();
    return jwts.decode((String) json.readValue(body, Map.class).get("id_token"));
  }

  @Test
  void onlyGrantedScopesReleaseClaimsAndReleasesAreAudited() throws Exception {
    client("claims-sbj", "openid", "profile", "phone", "id_number");
    client("claims-plain", "openid");
    String phone = "137" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000);
    String id = randomIdNumber("210102").value();
    var session = resident(phone, id);

    var full = idToken(session, "claims-sbj", "openid profile phone id_number");
    assertThat(full.getClaimAsString("id_number")).isEqualTo(id);
    assertThat(full.getClaimAsString("phone_number")).isEqualTo("+86" + phone);
    assertThat(full.getClaimAsString("name")).isEqualTo("孙秀英");
    assertThat(full.getSubject()).doesNotContain(phone).doesNotContain(id);

    var plain = idToken(session, "claims-plain", "openid");
    assertThat(plain.getClaims()).doesNotContainKeys("id_number", "phone_number", "name");
    assertThat(plain.getSubject()).isNotEqualTo(full.getSubject());

    var released = audit.search(new AuditQuery(null, "identity.claims-released", null, null, null, null), 0, 50);
    assertThat(released.items()).anySatisfy(e -> {
      assertThat(e.detail()).containsEntry("client", "claims-sbj").containsEntry("claims", "id_number,phone_number");
      assertThat(e.detail().toString()).doesNotContain(id).doesNotContain(phone);
    });
    assertThat(released.items()).noneSatisfy(e -> assertThat(e.detail()).containsEntry("client", "claims-plain"));
  }

  @Autowired org.tongban.person.Residents residents;
  @Autowired org.tongban.unit.Units units;

  /**
   * 法人一次登录 (#13.1): a person acting for a unit when authorising a client with the {@code unit} scope gives it the
   * unit in {@code acting_unit} (ID and access token); without the scope, or acting for themselves, nothing.
   */
  @Test
  void theActingUnitIsReleasedOnlyWithTheUnitScope() throws Exception {
    client("claims-unit", "openid", "unit");
    String phone = "137" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000);
    String id = randomIdNumber("210102").value();
    String village = jdbc.sql("select code from region.region where code like '210102%' and level = 5 order by code limit 1")
        .query(String.class).single();
    org.tongban.StaffFixtures.as(org.tongban.StaffFixtures.clerkOf("210102"), () -> residents.register(
        new org.tongban.person.NewResident("孙秀英", id, null, village, village)));
    var session = resident(phone, id);
    String code = org.tongban.shared.CreditCode.complete("91210102" + String.format("%08d",
        Math.abs(UUID.randomUUID().hashCode()) % 100_000_000)).value();
    var unit = org.tongban.StaffFixtures.as(org.tongban.StaffFixtures.clerkOf("210102"), () -> units.register(
        new org.tongban.unit.NewUnit(code, "和平区秀英商贸有限公司", org.tongban.unit.UnitKind.ENTERPRISE, "F",
            org.tongban.unit.UnitSize.MICRO, village, id)));
    var asHerself = idToken(session, "claims-unit", "openid unit");
    assertThat(asHerself.getClaims()).doesNotContainKey("acting_unit");
    session.perform(post("/my/units/act").param("unit", unit.id().toString()).with(csrf()))
        .andExpect(redirectedUrl("/my/units"));
    var forTheUnit = idToken(session, "claims-unit", "openid unit");
    assertThat(forTheUnit.getClaimAsMap("acting_unit")).containsEntry("credit_code", code)
        .containsEntry("name", "和平区秀英商贸有限公司");
    var withoutScope = idToken(session, "claims-unit", "openid");
    assertThat(withoutScope.getClaims()).doesNotContainKey("acting_unit");
  }
}
