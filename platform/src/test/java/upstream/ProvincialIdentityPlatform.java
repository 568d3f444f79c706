package upstream;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A stand-in for a provincial unified identity platform (省统一身份认证平台): a real, separate Spring
 * authorization server that Tongban trusts as an upstream provider. Its people and their verified real-name
 * claims are given when it starts. Used by the federation test only.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ProvincialIdentityPlatform {

  /** One person of the upstream: password and the claims it asserts about them (null values left out). */
  public record Person(String username, String password, Map<String, Object> claims) {}

  private static volatile Map<String, Person> people = Map.of();

  public static ConfigurableApplicationContext start(int port, String tongbanRedirectUri, String clientSecret,
                                                     Map<String, Person> people) {
    ProvincialIdentityPlatform.people = Map.copyOf(people);
    return new SpringApplicationBuilder(ProvincialIdentityPlatform.class).run(
        testapps.WithoutDatabase.argument(),
        "--server.port=" + port,
        "--spring.application.name=provincial-identity-platform",
        "--server.servlet.session.cookie.name=UPSTREAMSESSION",
        "--spring.main.banner-mode=off",
        "--upstream.redirect-uri=" + tongbanRedirectUri,
        "--upstream.client-secret=" + clientSecret);
  }

  @Bean
  @Order(1)
  SecurityFilterChain protocol(HttpSecurity http) throws Exception {
    var server = new OAuth2AuthorizationServerConfigurer();
    http.securityMatcher(server.getEndpointsMatcher())
        .with(server, s -> s.oidc(Customizer.withDefaults()))
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .csrf(c -> c.ignoringRequestMatchers(server.getEndpointsMatcher()))
        .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
    return http.build();
  }

  @Bean
  UserDetailsService users() {
    var manager = new InMemoryUserDetailsManager();
    people.values().forEach(p -> manager.createUser(User.withUsername(p.username()).password("{noop}" + p.password())
        .roles("USER").build()));
    return manager;
  }

  @Bean
  RegisteredClientRepository clients(Environment env) {
    return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
        .clientId("tongban").clientSecret("{noop}" + env.getRequiredProperty("upstream.client-secret"))
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri(env.getRequiredProperty("upstream.redirect-uri"))
        .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.PHONE)
        .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(false).build())
        .build());
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> realNameClaims() {
    return context -> {
      if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) return;
      var person = people.get(context.getPrincipal().getName());
      if (person != null) person.claims().forEach((k, v) -> context.getClaims().claim(k, v));
    };
  }

  @Bean
  JWKSource<SecurityContext> keys() throws Exception {
    var generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var pair = generator.generateKeyPair();
    return new ImmutableJWKSet<>(new JWKSet(new RSAKey.Builder((RSAPublicKey) pair.getPublic())
        .privateKey((RSAPrivateKey) pair.getPrivate()).keyID(UUID.randomUUID().toString()).build()));
  }

  @Bean
  AuthorizationServerSettings settings() {
    return AuthorizationServerSettings.builder().build();
  }
}
