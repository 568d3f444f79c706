package relyingparty;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * A department's own system (人社业务系统) that signs its users in through Tongban with OpenID Connect:
 * authorization code with PKCE, and RP-initiated logout. It has no users or passwords of its own. Started by
 * the one-login browser test on its own port, outside Tongban's packages.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class DepartmentApp {

  /** Starts the department system on {@code port}, trusting Tongban at {@code issuer}. */
  public static ConfigurableApplicationContext start(int port, String issuer, String clientId, String secret) {
    return new SpringApplicationBuilder(DepartmentApp.class).run(
        // A client only: Tongban's authorization server is on the classpath but not this app's business.
        testapps.WithoutDatabase.argument(
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"),
        "--server.port=" + port,
        "--spring.application.name=department-app",
        "--server.servlet.session.cookie.name=RPSESSION",
        "--spring.main.banner-mode=off",
        "--spring.security.oauth2.client.registration.tongban.client-id=" + clientId,
        "--spring.security.oauth2.client.registration.tongban.client-secret=" + secret,
        "--spring.security.oauth2.client.registration.tongban.authorization-grant-type=authorization_code",
        "--spring.security.oauth2.client.registration.tongban.scope=openid,profile",
        "--spring.security.oauth2.client.provider.tongban.issuer-uri=" + issuer);
  }

  @Bean
  SecurityFilterChain security(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
    var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
    resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    var logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    logout.setPostLogoutRedirectUri("{baseUrl}/signed-out");
    http.authorizeHttpRequests(a -> a.requestMatchers("/signed-out", "/error").permitAll().anyRequest().authenticated())
        .oauth2Login(o -> o.authorizationEndpoint(e -> e.authorizationRequestResolver(resolver)))
        .logout(l -> l.logoutSuccessHandler(logout));
    return http.build();
  }

  @RestController
  static class Pages {

    @GetMapping(value = "/", produces = "text/html;charset=UTF-8")
    String home(@AuthenticationPrincipal OidcUser user, HttpServletRequest request) {
      var csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
      return """
          <!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>人社业务系统</title></head><body>
          <h1>人社业务系统（示例接入系统）</h1>
          <p id="who">已通过通办统一身份认证登录。本系统看到的用户标识：<code>%s</code></p>
          <form method="post" action="/logout"><input type="hidden" name="%s" value="%s">
          <button type="submit">退出登录</button></form></body></html>"""
          .formatted(HtmlUtils.htmlEscape(user.getSubject()), csrf.getParameterName(), csrf.getToken());
    }

    @GetMapping(value = "/signed-out", produces = "text/html;charset=UTF-8")
    String signedOut() {
      return """
          <!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>已退出</title></head><body>
          <h1 id="bye">已退出人社业务系统和通办。</h1><a href="/">重新登录</a></body></html>""";
    }
  }
}
