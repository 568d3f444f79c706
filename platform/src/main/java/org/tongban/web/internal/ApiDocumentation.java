package org.tongban.web.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title page of the OpenAPI document at {@code /v3/api-docs} (browsable at {@code /swagger-ui.html}) and the ways a
 * client proves who it is: a browser session with the CSRF token in a header for every change, or an access token
 * from our OpenID provider for the endpoints that take one.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  static final String SESSION = "session";
  static final String CSRF = "csrf";
  static final String OIDC = "oidc";
  static final String BEARER = "bearer";

  @Bean
  OpenAPI tongbanApi() {
    return new OpenAPI()
        .info(new Info().title("通办 Tongban API").version("v1")
            .description("""
                一次登录、全网通办：事项目录、办件、设施与预约、开放数据。Errors are RFC 9457 problem details in the \
                request's language; submissions take an `Idempotency-Key` header.

                **Signing in.** Browser clients use the session cookie (`TONGBAN_SESSION`) set by signing in at `/login`; \
                staff sign-ins need their second factor before any staff endpoint answers. Every request that changes \
                something (POST, PUT, PATCH, DELETE) also carries the session's CSRF token in the `X-CSRF-TOKEN` header: \
                `GET /api/csrf` answers `{"headerName": "X-CSRF-TOKEN", "token": "…"}` for the current session (in Swagger \
                UI: call it, then paste the token under *Authorize → csrf*). Requests without it answer 403. \
                Departments' systems sign in through our OpenID provider (discovery at \
                `/.well-known/openid-configuration`) and send the access token as `Authorization: Bearer …` where an \
                endpoint says so (`/userinfo`). Public reads (catalogue, facilities, open data) need neither.""")
            .license(new License().name("Open source")))
        .components(new Components()
            .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name("TONGBAN_SESSION")
                .description("会话 Cookie：在 /login 登录后由浏览器携带。The session cookie set by signing in at /login."))
            .addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-CSRF-TOKEN")
                .description("CSRF 令牌：GET /api/csrf 取得，所有写操作须在此请求头携带。"
                    + " The session's CSRF token from GET /api/csrf; required on every change."))
            .addSecuritySchemes(OIDC, new SecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
                .openIdConnectUrl("/.well-known/openid-configuration")
                .description("统一身份认证（OpenID Connect）。Our OpenID provider, for departments' systems."))
            .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("由统一身份认证签发的访问令牌。An access token issued by our provider.")))
        .addSecurityItem(new SecurityRequirement().addList(SESSION).addList(CSRF));
  }
}
