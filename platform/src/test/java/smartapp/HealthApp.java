package smartapp;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * A resident's health app (a third party, not the province's own) that reads her e-health record through SMART App
 * Launch: standalone launch with {@code launch/patient patient/*.read}, {@code aud} naming Tongban's FHIR server,
 * authorization code with PKCE; it takes the patient from the token response and reads her record over FHIR with
 * the access token. Started by the SMART browser test on its own port, outside Tongban's packages.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class HealthApp {

  /** Starts the app on {@code port}, trusting Tongban at {@code issuer}. */
  public static ConfigurableApplicationContext start(int port, String issuer, String clientId, String secret) {
    return new SpringApplicationBuilder(HealthApp.class).run(
        testapps.WithoutDatabase.argument(
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"),
        "--server.port=" + port,
        "--spring.application.name=health-app",
        "--server.servlet.session.cookie.name=APPSESSION",
        "--spring.main.banner-mode=off",
        "--fhir.base=" + issuer + "/fhir",
        "--spring.security.oauth2.client.registration.tongban.client-id=" + clientId,
        "--spring.security.oauth2.client.registration.tongban.client-secret=" + secret,
        "--spring.security.oauth2.client.registration.tongban.authorization-grant-type=authorization_code",
        "--spring.security.oauth2.client.registration.tongban.scope=openid,fhirUser,launch/patient,patient/*.read",
        "--spring.security.oauth2.client.provider.tongban.issuer-uri=" + issuer);
  }

  @Bean
  SecurityFilterChain security(HttpSecurity http, ClientRegistrationRepository registrations,
                               @Value("${fhir.base}") String fhirBase) throws Exception {
    var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
    // SMART: PKCE, and the FHIR server the token is for.
    resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
        .andThen(b -> b.additionalParameters(p -> p.put("aud", fhirBase))));
    http.authorizeHttpRequests(a -> a.requestMatchers("/error").permitAll().anyRequest().authenticated())
        .oauth2Login(o -> o.authorizationEndpoint(e -> e.authorizationRequestResolver(resolver))
            .userInfoEndpoint(u -> u.oidcUserService(patientInContext())));
    return http.build();
  }

  /** Keeps the token response's {@code patient} (the SMART launch context) with the signed-in user. */
  private static OAuth2UserService<OidcUserRequest, OidcUser> patientInContext() {
    var delegate = new OidcUserService();
    return request -> {
      var user = delegate.loadUser(request);
      var claims = new HashMap<String, Object>();
      claims.put("sub", user.getSubject());
      Object patient = request.getAdditionalParameters().get("patient");
      if (patient != null) claims.put("patient", patient.toString());
      return new DefaultOidcUser(user.getAuthorities(), user.getIdToken(), new OidcUserInfo(claims));
    };
  }

  @RestController
  static class Pages {

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    Pages(@Value("${fhir.base}") String base) {
      this.base = base;
    }

    @GetMapping(value = "/", produces = "text/html;charset=UTF-8")
    String record(@AuthenticationPrincipal OidcUser user,
                  @RegisteredOAuth2AuthorizedClient("tongban") OAuth2AuthorizedClient client) throws Exception {
      String patient = user.getAttribute("patient");
      String token = client.getAccessToken().getTokenValue();
      var who = get(token, "/Patient/" + patient);
      String name = who.statusCode() == 200
          ? fhir.newJsonParser().parseResource(Patient.class, who.body()).getNameFirstRep().getText() : "—";
      var found = fhir.newJsonParser().parseResource(Bundle.class,
          get(token, "/Observation?patient=Patient/" + patient).body());
      var items = new StringBuilder();
      for (var e : found.getEntry()) {
        var o = (Observation) e.getResource();
        items.append("<li>").append(HtmlUtils.htmlEscape(o.getCode().getText())).append("</li>");
      }
      return """
          <!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>健康助手</title></head><body>
          <h1>健康助手（示例第三方应用）</h1>
          <p>患者：<span id="patient">%s</span>（<span id="name">%s</span>）；fhirUser：<span id="fhir-user">%s</span></p>
          <p>检查记录 <span id="count">%d</span> 条：</p><ul id="observations">%s</ul></body></html>"""
          .formatted(HtmlUtils.htmlEscape(String.valueOf(patient)), HtmlUtils.htmlEscape(name),
              HtmlUtils.htmlEscape(String.valueOf(user.getIdToken().getClaimAsString("fhirUser"))),
              found.getEntry().size(), items);
    }

    /** What the app gets when it reaches for someone else's record, or tries to write. */
    @GetMapping(value = "/probe", produces = "text/html;charset=UTF-8")
    String probe(@RequestParam String patient,
                 @RegisteredOAuth2AuthorizedClient("tongban") OAuth2AuthorizedClient client) throws Exception {
      String token = client.getAccessToken().getTokenValue();
      var search = get(token, "/Observation?patient=Patient/" + patient);
      int entries = search.statusCode() == 200
          ? fhir.newJsonParser().parseResource(Bundle.class, search.body()).getEntry().size() : -1;
      var write = http.send(HttpRequest.newBuilder(URI.create(base + "/Observation"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
          .POST(HttpRequest.BodyPublishers.ofString("""
              {"resourceType":"Observation","status":"final","code":{"text":"体重"},"subject":{"reference":"Patient/%s"}}"""
              .formatted(patient))).build(), HttpResponse.BodyHandlers.ofString());
      return """
          <!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>探测</title></head><body>
          <p>搜索：<span id="search">%d</span> 条；读患者：<span id="read">%d</span>；写入：<span id="write">%d</span></p>
          </body></html>""".formatted(entries, get(token, "/Patient/" + patient).statusCode(), write.statusCode());
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
          .header("Accept", "application/fhir+json").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
  }
}
