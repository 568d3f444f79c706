package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.clerkOf;
import static org.tongban.StaffFixtures.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.identity.internal.StaffUser;

/** Administrators register departments' systems; redirect URIs are exact and safe; consent where needed. */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class ClientRegistrationTests {

  @Autowired MockMvc mvc;
  @Autowired RegisteredClientRepository clients;

  final StaffUser admin = staff("admin-clients", Set.of(Scope.everywhere(Purpose.CAPTURE)), "ROLE_ADMIN");

  private String register(String clientId, String redirect, boolean firstParty) throws Exception {
    return mvc.perform(post("/admin/clients").with(user(admin)).with(csrf()).param("clientId", clientId)
            .param("name", "医保业务系统").param("confidential", "true").param("firstParty", String.valueOf(firstParty))
            .param("clientCredentials", "true").param("redirectUris", redirect).param("scopes", "openid", "profile"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  @Test
  void anAdministratorRegistersASystemAndItsSecretIsShownOnceAndWorks() throws Exception {
    String id = "ybj-" + UUID.randomUUID().toString().substring(0, 8);
    String page = register(id, "https://yb.example.gov.cn/callback", true);
    var m = Pattern.compile("id=\"client-secret\">([A-Za-z0-9_-]{43})<").matcher(page);
    assertThat(m.find()).isTrue();
    String secret = m.group(1);
    assertThat(clients.findByClientId(id).getClientSecret()).startsWith("{sha256}").doesNotContain(secret);
    mvc.perform(post("/oauth2/token").param("grant_type", "client_credentials").with(httpBasic(id, secret)))
        .andExpect(status().isOk());
    assertThat(mvc.perform(get("/admin/clients").with(user(admin))).andReturn().getResponse().getContentAsString())
        .contains(id).doesNotContain(secret);
  }

  @Test
  void aSystemThatChecksEs256GetsEs256IdTokensAndTheRestRs256() throws Exception {
    String es = "es-" + UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(post("/admin/clients").with(user(admin)).with(csrf()).param("clientId", es).param("name", "社保移动端")
            .param("confidential", "true").param("es256IdTokens", "true").param("redirectUris", "https://es.example.gov.cn/cb")
            .param("scopes", "openid"))
        .andExpect(status().isOk());
    assertThat(clients.findByClientId(es).getTokenSettings().getIdTokenSignatureAlgorithm())
        .isEqualTo(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.ES256);
    String rs = "rs-" + UUID.randomUUID().toString().substring(0, 8);
    register(rs, "https://rs.example.gov.cn/cb", false);
    assertThat(clients.findByClientId(rs).getTokenSettings().getIdTokenSignatureAlgorithm())
        .isEqualTo(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256);
  }

  @Test
  void anAdministratorRotatesASecretAndRemovesASystem() throws Exception {
    String id = "rot-" + UUID.randomUUID().toString().substring(0, 8);
    var m = Pattern.compile("id=\"client-secret\">([A-Za-z0-9_-]{43})<").matcher(register(id, "https://r.example.gov.cn/cb", true));
    assertThat(m.find()).isTrue();
    String first = m.group(1);
    String page = mvc.perform(post("/admin/clients/" + id + "/secret").with(user(admin)).with(csrf()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    var m2 = Pattern.compile("id=\"client-secret\">([A-Za-z0-9_-]{43})<").matcher(page);
    assertThat(m2.find()).isTrue();
    String second = m2.group(1);
    mvc.perform(post("/oauth2/token").param("grant_type", "client_credentials").with(httpBasic(id, first)))
        .andExpect(status().isUnauthorized());
    mvc.perform(post("/oauth2/token").param("grant_type", "client_credentials").with(httpBasic(id, second)))
        .andExpect(status().isOk());
    mvc.perform(post("/admin/clients/" + id + "/removal").with(user(admin)).with(csrf())).andExpect(status().isOk());
    assertThat(clients.findByClientId(id)).isNull();
    mvc.perform(post("/oauth2/token").param("grant_type", "client_credentials").with(httpBasic(id, second)))
        .andExpect(status().isUnauthorized());
    mvc.perform(post("/admin/clients/" + id + "/removal").with(user(clerkOf("210102"))).with(csrf()))
        .andExpect(status().isForbidden());
  }

  @Test
  void aSecretStoredInAFormTheServerDoesNotHashIsAWrongSecretNotAServerError() throws Exception {
    for (String stored : new String[] {"{noop}plain-secret", "plain-secret", "{bcrypt}$2a$10$abc"}) {
      String id = "odd-" + UUID.randomUUID().toString().substring(0, 8);
      clients.save(org.springframework.security.oauth2.server.authorization.client.RegisteredClient
          .withId(UUID.randomUUID().toString()).clientId(id).clientSecret(stored)
          .clientAuthenticationMethod(org.springframework.security.oauth2.core.ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .authorizationGrantType(org.springframework.security.oauth2.core.AuthorizationGrantType.CLIENT_CREDENTIALS)
          .build());
      mvc.perform(post("/oauth2/token").param("grant_type", "client_credentials").with(httpBasic(id, "plain-secret")))
          .andExpect(status().isUnauthorized());
    }
  }

  @Test
  void unsafeRedirectUrisAreRefused() throws Exception {
    for (String bad : new String[] {"http://yb.example.gov.cn/callback", "https://*.example.gov.cn/callback",
        "https://yb.example.gov.cn/callback#x", "/relative", "javascript:alert(1)", "https://user@evil.example/cb"}) {
      String id = "bad-" + UUID.randomUUID().toString().substring(0, 8);
      String page = register(id, bad, true);
      assertThat(page).as(bad).contains("回调地址须为完整的 HTTPS 地址");
      assertThat(clients.findByClientId(id)).as(bad).isNull();
    }
  }

  @Test
  void clerksCannotManageClients() throws Exception {
    mvc.perform(get("/admin/clients").with(user(clerkOf("210102")))).andExpect(status().isForbidden());
  }

  @Test
  void aSystemThatIsNotFirstPartyAsksForConsent() throws Exception {
    String id = "third-" + UUID.randomUUID().toString().substring(0, 8);
    register(id, "https://partner.example.com/callback", false);
    String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
    String challenge = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    // The authorization endpoint reads the query string itself: pass an already-encoded URI.
    var response = mvc.perform(get(java.net.URI.create("/oauth2/authorize?response_type=code&client_id=" + id
            + "&redirect_uri=https://partner.example.com/callback&scope=openid%20profile&state=s&code_challenge="
            + challenge + "&code_challenge_method=S256")).with(user(clerkOf("210102"))))
        .andReturn().getResponse();
    // Spring redirects to our consent page, which names the system and each scope in plain words.
    String consentUrl = response.getRedirectedUrl();
    assertThat(consentUrl).as("redirected to consent").contains("/oauth2/consent");
    String page = mvc.perform(get(java.net.URI.create(consentUrl)).with(user(clerkOf("210102"))))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("授权确认").contains("医保业务系统").contains("姓名");
    String state = java.net.URLDecoder.decode(org.springframework.web.util.UriComponentsBuilder.fromUriString(consentUrl)
        .build().getQueryParams().getFirst("state"), StandardCharsets.UTF_8);
    var approved = mvc.perform(post("/oauth2/authorize").param("client_id", id).param("state", state)
            .param("scope", "profile").with(user(clerkOf("210102"))))
        .andReturn().getResponse();
    assertThat(approved.getRedirectedUrl()).as(approved.getStatus() + " " + approved.getErrorMessage() + " " + approved.getContentAsString()).startsWith("https://partner.example.com/callback").contains("code=");
  }
}
