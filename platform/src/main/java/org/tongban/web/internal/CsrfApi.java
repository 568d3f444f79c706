package org.tongban.web.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The CSRF token of the caller's session, for API clients that use a browser session (see the OpenAPI document). */
@RestController
@Tag(name = "会话 Session")
class CsrfApi {

  record Csrf(String headerName, String parameterName, String token) {}

  @GetMapping("/api/csrf")
  @Operation(summary = "当前会话的 CSRF 令牌 / The session's CSRF token",
      description = "Send it in the named header on every POST, PUT, PATCH and DELETE of this session.")
  @SecurityRequirements
  ResponseEntity<Csrf> csrf(CsrfToken token) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(new Csrf(token.getHeaderName(), token.getParameterName(), token.getToken()));
  }
}
