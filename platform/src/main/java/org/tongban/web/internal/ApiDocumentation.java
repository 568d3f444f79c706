package org.tongban.web.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title page of the OpenAPI document at {@code /v3/api-docs} (browsable at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  @Bean
  OpenAPI tongbanApi() {
    return new OpenAPI().info(new Info().title("通办 Tongban API").version("v1")
        .description("一次登录、全网通办：事项目录与办件。Errors are RFC 9457 problem details in the request's"
            + " language; submissions take an Idempotency-Key header.")
        .license(new License().name("Open source")));
  }
}
