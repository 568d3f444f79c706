package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tongban.StaffFixtures.clerkOf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tongban.identity.internal.SigningKeys;

/** Protections that would be silently lost without a test that fails when they go. */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("persistence")
class IdentitySecurityTests {

  @Autowired MockMvc mvc;
  @Autowired JwtDecoder jwts;
  @Autowired SigningKeys keys;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private String claims() {
    long now = Instant.now().getEpochSecond();
    return b64("{\"sub\":\"admin\",\"iss\":\"http://localhost\",\"scope\":\"openid\",\"iat\":" + now
        + ",\"exp\":" + (now + 600) + "}");
  }

  @Test
  void unsignedTokensAreRefused() throws Exception {
    String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + claims() + ".";
    assertThatThrownBy(() -> jwts.decode(none)).isInstanceOf(JwtException.class);
    mvc.perform(get("/userinfo").header("Authorization", "Bearer " + none)).andExpect(status().isUnauthorized());
  }

  @Test
  void hmacTokensKeyedWithOurPublicKeyAreRefused() throws Exception {
    // The classic RS/HS confusion: sign HS256 with the (public) RSA key from our JWK set.
    var publicKey = ((com.nimbusds.jose.jwk.RSAKey) keys.get(new com.nimbusds.jose.jwk.JWKSelector(
        new com.nimbusds.jose.jwk.JWKMatcher.Builder().keyID(keys.activeKeyId()).build()), null).getFirst())
        .toRSAPublicKey().getEncoded();
    String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + keys.activeKeyId() + "\"}");
    var mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
    String signingInput = header + "." + claims();
    String forged = signingInput + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    assertThatThrownBy(() -> jwts.decode(forged)).isInstanceOf(JwtException.class);
    mvc.perform(get("/userinfo").header("Authorization", "Bearer " + forged)).andExpect(status().isUnauthorized());
  }

  @Test
  void preferenceSwitchesOnlyReturnToPagesOnThisSite() throws Exception {
    for (String evil : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"}) {
      var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/prefs/lang")
              .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
              .param("lang", "en").param("back", evil))
          .andReturn().getResponse();
      assertThat(response.getRedirectedUrl()).as(evil).isEqualTo("/");
    }
    var ok = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/prefs/elder")
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
            .param("on", "true").param("back", "/regions/210000000000"))
        .andReturn().getResponse();
    assertThat(ok.getRedirectedUrl()).isEqualTo("/regions/210000000000");
  }

  @Test
  void everyFormAndChangeNeedsACsrfToken() throws Exception {
    var changing = new TreeSet<String>();
    mappings.getHandlerMethods().forEach((info, method) -> {
      for (RequestMethod m : info.getMethodsCondition().getMethods()) {
        if (m == RequestMethod.GET || m == RequestMethod.HEAD || m == RequestMethod.OPTIONS) continue;
        for (String pattern : info.getPatternValues()) changing.add(m + " " + pattern);
      }
    });
    assertThat(changing).contains("POST /residents", "POST /prefs/lang", "POST /api/residents");
    var admin = clerkOf("21", "person:unmask");
    var failures = new ArrayList<String>();
    for (String endpoint : changing) {
      String[] parts = endpoint.split(" ", 2);
      String path = parts[1].replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
      int status = mvc.perform(request(HttpMethod.valueOf(parts[0]), path).with(user(admin)))
          .andReturn().getResponse().getStatus();
      if (status != 403) failures.add(endpoint + " answered " + status + " without a CSRF token");
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void noSecretsOrPrivateKeysAreCommitted() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    var suspicious = List.of(
        Pattern.compile("-----BEGIN (RSA |EC |OPENSSH |)PRIVATE KEY-----"),
        // a literal value: quoted (code) or alone to the end of the line (properties, YAML)
        Pattern.compile("(?im)(password|secret|encryption-key|index-key|pairwise-key)\\s*[=:]\\s*"
            + "(\"[A-Za-z0-9+/=_-]{12,}\"|[A-Za-z0-9+/=_-]{12,}\\s*$)"),
        Pattern.compile("(?i)TONGBAN_[A-Z_]*KEY\\s*=\\s*[A-Za-z0-9+/]{20,}"));
    var found = new ArrayList<String>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(Files::isRegularFile)
          .filter(p -> { String s = root.relativize(p).toString();
            return !s.startsWith(".git/") && !s.contains("/target/") && !s.startsWith("data/")
                && !s.startsWith("bench/data/") && !s.contains("/test/"); })
          .filter(p -> Set.of("properties", "yml", "yaml", "java", "xml", "sql", "html", "md", "sh", "run")
              .contains(ext(p)) || p.getFileName().toString().equals("run"))
          .forEach(p -> {
            try {
              String text = Files.readString(p);
              for (var pattern : suspicious) {
                var m = pattern.matcher(text);
                while (m.find()) found.add(root.relativize(p) + ": " + m.group());
              }
            } catch (IOException | java.io.UncheckedIOException e) {
              // binary or unreadable: not a configuration file
            }
          });
    }
    assertThat(found).isEmpty();
  }

  private static String ext(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1);
  }
}
