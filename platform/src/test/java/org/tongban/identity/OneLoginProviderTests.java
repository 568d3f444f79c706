package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.clerkOf;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongban.identity.internal.SigningKeys;
import org.tongban.identity.internal.StaffUser;
import tools.jackson.databind.json.JsonMapper;

/** Tongban as the OpenID Connect provider: the protocol as a relying party sees it. */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class OneLoginProviderTests {

  static final String HRSS_SECRET = "hrss-" + UUID.randomUUID();
  static final String CIVIL_SECRET = "civil-" + UUID.randomUUID();
  static final String HRSS_CALLBACK = "https://hrss.example.gov.cn/login/callback";
  static final String MOBILE_CALLBACK = "https://app.example.gov.cn/callback";
  static final String ES256_SECRET = "es256-" + UUID.randomUUID();
  static final String ES256_CALLBACK = "https://es.example.gov.cn/callback";

  @Autowired MockMvc mvc;
  @Autowired RegisteredClientRepository clients;
  @Autowired PasswordEncoder passwords;
  @Autowired JwtDecoder jwts;
  @Autowired SigningKeys keys;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired org.tongban.audit.AuditTrail audit;
  @org.springframework.beans.factory.annotation.Value("${tongban.public-url}") String publicUrl;

  final StaffUser clerk = clerkOf("210102");

  @BeforeEach
  void registerClients() {
    if (clients.findByClientId("dept-es256") == null) {
      clients.save(RegisteredClient.from(confidential("dept-es256", ES256_SECRET, ES256_CALLBACK)).id(UUID.randomUUID().toString())
          .tokenSettings(TokenSettings.builder().idTokenSignatureAlgorithm(SignatureAlgorithm.ES256).build()).build());
    }
    if (clients.findByClientId("dept-hrss") != null) return;
    clients.save(confidential("dept-hrss", HRSS_SECRET, HRSS_CALLBACK));
    clients.save(confidential("dept-civil", CIVIL_SECRET, "https://mz.example.gov.cn/callback"));
    clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId("dept-mobile")
        .clientName("掌上办 (public client)")
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri(MOBILE_CALLBACK).scope(OidcScopes.OPENID)
        .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
        .build());
  }

  private RegisteredClient confidential(String id, String secret, String callback) {
    return RegisteredClient.withId(UUID.randomUUID().toString()).clientId(id).clientName(id)
        .clientSecret(passwords.encode(secret))
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .redirectUri(callback).scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope("cases.read")
        .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
        .build();
  }

  @Test
  void publishesDiscoveryAndTheJwkSet() throws Exception {
    mvc.perform(get("/.well-known/openid-configuration"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.issuer").exists())
        .andExpect(jsonPath("$.jwks_uri").exists())
        .andExpect(jsonPath("$.code_challenge_methods_supported[0]").value("S256"))
        .andExpect(jsonPath("$.end_session_endpoint").exists());
    mvc.perform(get("/oauth2/jwks"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.keys[0].kid").value(keys.activeKeyId()))
        .andExpect(jsonPath("$.keys[0].d").doesNotExist());
  }

  @Test
  void systemsGetTokensWithClientCredentials() throws Exception {
    var body = mvc.perform(post("/oauth2/token").param("grant_type", "client_credentials").param("scope", "cases.read")
            .with(httpBasic("dept-hrss", HRSS_SECRET)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    String token = (String) json.readValue(body, Map.class).get("access_token");
    var jwt = jwts.decode(token);
    assertThat(jwt.getSubject()).isEqualTo("dept-hrss");
    // Signed with the P-256 token key, published in the JWK set, and not stored: introspection answers it from its
    // signature and claims, to any client that authenticates.
    assertThat(jwt.getHeaders()).containsEntry("kid", keys.activeEcKeyId()).containsEntry("alg", "ES256");
    mvc.perform(get("/oauth2/jwks")).andExpect(jsonPath("$.keys[?(@.kid == '" + keys.activeEcKeyId() + "')].crv")
        .value("P-256"));
    assertThat(jdbc.sql("select count(*) from public.oauth2_authorization where access_token_value = ?").param(token)
        .query(Long.class).single()).isZero();
    // The trail records a system's authentication as such, not as a person's password sign-in.
    audit.flush();
    assertThat(jdbc.sql("select action, detail::jsonb->>'method' from audit.entry where actor = 'dept-hrss'"
            + " and action in ('identity.client-authenticated', 'login.succeeded') order by seq desc limit 1")
        .query((rs, i) -> rs.getString(1) + " " + rs.getString(2)).single())
        .isEqualTo("identity.client-authenticated client_secret_basic");
    assertThat(jdbc.sql("select count(*) from audit.entry where actor = 'dept-hrss' and action = 'login.succeeded'")
        .query(Long.class).single()).as("a grant is no person's sign-in").isZero();
    mvc.perform(post("/oauth2/introspect").param("token", token).with(httpBasic("dept-civil", CIVIL_SECRET)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active").value(true))
        .andExpect(jsonPath("$.client_id").value("dept-hrss"))
        .andExpect(jsonPath("$.scope").value("cases.read"));
    // Whatever else is not stored, or not signed by the platform, is inactive.
    mvc.perform(post("/oauth2/introspect").param("token", "not-a-token").with(httpBasic("dept-civil", CIVIL_SECRET)))
        .andExpect(jsonPath("$.active").value(false));
    mvc.perform(post("/oauth2/token").param("grant_type", "client_credentials")
            .with(httpBasic("dept-hrss", "wrong-secret")))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void publicClientsMustUsePkceAndCodesWorkOnce() throws Exception {
    String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    String challenge = challenge(verifier);

    var withoutPkce = mvc.perform(get("/oauth2/authorize").param("response_type", "code")
            .param("client_id", "dept-mobile").param("redirect_uri", MOBILE_CALLBACK).param("scope", "openid")
            .param("state", "s1").with(user(clerk)))
        .andReturn().getResponse();
    assertThat(withoutPkce.getStatus()).as(withoutPkce.getContentAsString()).isIn(302, 400);
    if (withoutPkce.getStatus() == 302) {
      assertThat(withoutPkce.getRedirectedUrl()).contains("error=invalid_request").doesNotContain("code=");
    }

    String code = authorize("dept-mobile", MOBILE_CALLBACK, "&code_challenge=" + challenge + "&code_challenge_method=S256");
    var first = mvc.perform(post("/oauth2/token").param("grant_type", "authorization_code").param("code", code)
            .param("redirect_uri", MOBILE_CALLBACK).param("client_id", "dept-mobile").param("code_verifier", verifier))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(json.readValue(first, Map.class)).containsKeys("access_token", "id_token");

    mvc.perform(post("/oauth2/token").param("grant_type", "authorization_code").param("code", code)
            .param("redirect_uri", MOBILE_CALLBACK).param("client_id", "dept-mobile").param("code_verifier", verifier))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("invalid_grant"));
  }

  @Test
  void wrongVerifierIsRefused() throws Exception {
    String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    String challenge = challenge(verifier);
    String code = authorize("dept-mobile", MOBILE_CALLBACK, "&code_challenge=" + challenge + "&code_challenge_method=S256");
    mvc.perform(post("/oauth2/token").param("grant_type", "authorization_code").param("code", code)
            .param("redirect_uri", MOBILE_CALLBACK).param("client_id", "dept-mobile")
            .param("code_verifier", verifier + "x"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void eachDepartmentSeesItsOwnSubjectForTheSamePerson() throws Exception {
    String hrss = idTokenSubject("dept-hrss", HRSS_SECRET, HRSS_CALLBACK);
    String civil = idTokenSubject("dept-civil", CIVIL_SECRET, "https://mz.example.gov.cn/callback");
    assertThat(hrss).isNotEqualTo(civil).isNotEqualTo(clerk.getUsername()).doesNotContain("210102");
    assertThat(idTokenSubject("dept-hrss", HRSS_SECRET, HRSS_CALLBACK)).as("stable per client").isEqualTo(hrss);
    var mapped = jdbc.sql("select username from identity.pairwise_subject where client_id = 'dept-civil' and subject = ?")
        .param(civil).query(String.class).single();
    assertThat(mapped).isEqualTo(clerk.getUsername());
  }

  @Test
  void tokensAreKeptInPostgresAndRefreshTokensWork() throws Exception {
    String refresh = (String) codeFlow("dept-hrss", HRSS_SECRET, HRSS_CALLBACK).get("refresh_token");
    // Stored in PostgreSQL, with the person reduced to their name: no principal objects, no personal data.
    String stored = jdbc.sql("select attributes from public.oauth2_authorization where refresh_token_value = ?")
        .param(refresh).query(String.class).single();
    assertThat(stored).contains(clerk.getUsername()).doesNotContain("StaffUser").doesNotContain("RegionCode");
    var refreshed = mvc.perform(post("/oauth2/token").param("grant_type", "refresh_token").param("refresh_token", refresh)
            .with(httpBasic("dept-hrss", HRSS_SECRET)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    @SuppressWarnings("unchecked") Map<String, Object> tokens = json.readValue(refreshed, Map.class);
    // The person's access token is signed with the P-256 key (cheaper, read by resource servers), the ID token with
    // RSA, which every OpenID client accepts.
    var access = jwts.decode((String) tokens.get("access_token"));
    assertThat(access.getHeaders()).containsEntry("alg", "ES256").containsEntry("kid", keys.activeEcKeyId());
    assertThat(access.getSubject()).isNotEqualTo("dept-hrss").isNotEqualTo(clerk.getUsername());
    assertThat(jwts.decode((String) tokens.get("id_token")).getHeaders()).containsEntry("alg", "RS256")
        .containsEntry("kid", keys.activeKeyId());
    // It stays the stored authorization's: active while that lives, inactive once it is revoked.
    mvc.perform(post("/oauth2/introspect").param("token", access.getTokenValue()).with(httpBasic("dept-hrss", HRSS_SECRET)))
        .andExpect(jsonPath("$.active").value(true));
    mvc.perform(post("/oauth2/revoke").param("token", (String) tokens.get("access_token"))
            .with(httpBasic("dept-hrss", HRSS_SECRET)))
        .andExpect(status().isOk());
    mvc.perform(post("/oauth2/introspect").param("token", access.getTokenValue()).with(httpBasic("dept-hrss", HRSS_SECRET)))
        .andExpect(jsonPath("$.active").value(false));
  }

  @Test
  void aClientRegisteredForEs256GetsEs256IdTokensOnSignInAndRefresh() throws Exception {
    var tokens = codeFlow("dept-es256", ES256_SECRET, ES256_CALLBACK);
    var id = jwts.decode((String) tokens.get("id_token"));
    assertThat(id.getHeaders()).containsEntry("alg", "ES256").containsEntry("kid", keys.activeEcKeyId());
    assertThat(id.getAudience()).containsExactly("dept-es256");
    var refreshed = mvc.perform(post("/oauth2/token").param("grant_type", "refresh_token")
            .param("refresh_token", (String) tokens.get("refresh_token")).with(httpBasic("dept-es256", ES256_SECRET)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(jwts.decode((String) json.readValue(refreshed, Map.class).get("id_token")).getHeaders())
        .containsEntry("alg", "ES256").containsEntry("kid", keys.activeEcKeyId());
    mvc.perform(get("/.well-known/openid-configuration"))
        .andExpect(jsonPath("$.id_token_signing_alg_values_supported").value(
            org.hamcrest.Matchers.containsInAnyOrder("RS256", "ES256")));
  }

  @Test
  void refreshTokensRotateAndAReusedOneRevokesTheFamily() throws Exception {
    String first = (String) codeFlow("dept-hrss", HRSS_SECRET, HRSS_CALLBACK).get("refresh_token");
    String second = (String) json.readValue(refresh(first, 200), Map.class).get("refresh_token");
    assertThat(second).as("a new refresh token on every use").isNotEqualTo(first);
    // The spent one comes back (stolen, or replayed): refused, and the newer one dies with it.
    assertThat(refresh(first, 400)).contains("invalid_grant");
    assertThat(refresh(second, 400)).contains("invalid_grant");
    audit.flush();
    assertThat(jdbc.sql("select count(*) from audit.entry where action = 'identity.refresh-token-reused' and actor = ?")
        .param(clerk.getUsername()).query(Long.class).single()).isPositive();
  }

  /**
   * A node keeps the authorizations it saved and a refresh uses the kept one while the row is the version that node
   * wrote; a change made elsewhere (here the refresh token's expiry moved into the past, as another node's revocation
   * or sign-out would change the row) is read from the row, not from what this node remembers.
   */
  @Test
  void aRefreshSeesWhatAnotherNodeChangedInTheStoredAuthorization() throws Exception {
    String first = (String) codeFlow("dept-hrss", HRSS_SECRET, HRSS_CALLBACK).get("refresh_token");
    String second = (String) json.readValue(refresh(first, 200), Map.class).get("refresh_token");
    int changed = jdbc.sql("update public.oauth2_authorization set refresh_token_issued_at = now() - interval '2 days',"
        + " refresh_token_expires_at = now() - interval '1 day' where refresh_token_value = ?").param(second).update();
    assertThat(changed).isEqualTo(1);
    assertThat(refresh(second, 400)).contains("invalid_grant");
  }

  @Test
  void theIssuerIsConfiguredNotTakenFromTheHostHeader() throws Exception {
    mvc.perform(get("/.well-known/openid-configuration").header("Host", "evil.example"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.issuer").value(publicUrl))
        .andExpect(jsonPath("$.token_endpoint").value(publicUrl + "/oauth2/token"))
        .andExpect(jsonPath("$.subject_types_supported[0]").value("pairwise"))
        .andExpect(jsonPath("$.subject_types_supported.length()").value(1));
    var body = mvc.perform(post("/oauth2/token").header("Host", "evil.example").param("grant_type", "client_credentials")
            .with(httpBasic("dept-hrss", HRSS_SECRET)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    var jwt = jwts.decode((String) json.readValue(body, Map.class).get("access_token"));
    assertThat(jwt.getIssuer().toString()).isEqualTo(publicUrl);
  }

  private String refresh(String token, int expected) throws Exception {
    return mvc.perform(post("/oauth2/token").param("grant_type", "refresh_token").param("refresh_token", token)
            .with(httpBasic("dept-hrss", HRSS_SECRET)))
        .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
  }

  @Test
  void redirectUrisMustMatchExactly() throws Exception {
    for (String evil : new String[] {HRSS_CALLBACK + "/../evil", HRSS_CALLBACK + "?next=https://evil.example",
        "https://evil.example/callback", HRSS_CALLBACK.replace("https", "http")}) {
      var response = mvc.perform(get("/oauth2/authorize").param("response_type", "code").param("client_id", "dept-hrss")
              .param("redirect_uri", evil).param("scope", "openid").param("state", "s").with(user(clerk)))
          .andReturn().getResponse();
      assertThat(response.getStatus()).as(evil).isEqualTo(400);
      assertThat(response.getRedirectedUrl()).as(evil).isNull();
    }
  }

  @Test
  void rotationKeepsTheOldKeyPublishedAndSignsWithTheNewOne() throws Exception {
    String before = keys.activeKeyId();
    String ecBefore = keys.activeEcKeyId();
    var oldToken = clientToken();
    String after = keys.rotate();
    String ecAfter = keys.activeEcKeyId();
    assertThat(after).isNotEqualTo(before);
    assertThat(ecAfter).isNotEqualTo(ecBefore);
    assertThat(keys.publishedKeyIds()).containsExactly(after, before, ecAfter, ecBefore);
    assertThat(jwts.decode(oldToken).getHeaders()).containsEntry("kid", ecBefore);
    assertThat(jwts.decode(clientToken()).getHeaders()).containsEntry("kid", ecAfter);
  }

  private static String challenge(String verifier) throws Exception {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
  }

  private String clientToken() throws Exception {
    var body = mvc.perform(post("/oauth2/token").param("grant_type", "client_credentials")
        .with(httpBasic("dept-hrss", HRSS_SECRET))).andReturn().getResponse().getContentAsString();
    return (String) json.readValue(body, Map.class).get("access_token");
  }

  /** The clerk signs in to a confidential client by the code flow with PKCE; the token response. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> codeFlow(String clientId, String secret, String callback) throws Exception {
    String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    String code = authorize(clientId, callback, "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256");
    var body = mvc.perform(post("/oauth2/token").param("grant_type", "authorization_code").param("code", code)
            .param("redirect_uri", callback).param("code_verifier", verifier).with(httpBasic(clientId, secret)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    return json.readValue(body, Map.class);
  }

  private String authorize(String clientId, String callback, String extra) throws Exception {
    var response = mvc.perform(get("/oauth2/authorize?response_type=code&client_id=" + clientId + "&redirect_uri="
            + callback + "&scope=openid&state=st" + extra).with(user(clerk)))
        .andExpect(status().is3xxRedirection()).andReturn().getResponse();
    var location = URI.create(response.getRedirectedUrl());
    assertThat(location.toString()).startsWith(callback).contains("code=");
    return UriComponentsBuilder.fromUri(location).build().getQueryParams().getFirst("code");
  }

  private String idTokenSubject(String clientId, String secret, String callback) throws Exception {
    // PKCE is required of every client, confidential ones too (OAuth 2.1).
    String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    String code = authorize(clientId, callback, "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256");
    var body = mvc.perform(post("/oauth2/token").param("grant_type", "authorization_code").param("code", code)
            .param("redirect_uri", callback).param("code_verifier", verifier).with(httpBasic(clientId, secret)))
        .andReturn().getResponse().getContentAsString();
    assertThat(body).contains("id_token");
    @SuppressWarnings("unchecked") Map<String, Object> tokens = json.readValue(body, Map.class);
    assertThat(tokens).containsKey("refresh_token");
    var idToken = jwts.decode((String) tokens.get("id_token"));
    assertThat(jwts.decode((String) tokens.get("access_token")).getSubject()).isEqualTo(idToken.getSubject());
    return idToken.getSubject();
  }
}
