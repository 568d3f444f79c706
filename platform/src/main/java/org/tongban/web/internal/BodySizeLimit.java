package org.tongban.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses API bodies over 64 KiB, or of unknown length, before anything reads them (413 / 411 problem
 * detail). Uploads of materials get their own limits where they are accepted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimit extends OncePerRequestFilter {

  static final long LIMIT = 64 * 1024;
  private final MessageSource messages;
  private final JsonMapper json;

  BodySizeLimit(MessageSource messages, JsonMapper json) {
    this.messages = messages;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    if (length > LIMIT || chunked) {
      var locale = RequestContextUtils.getLocale(request);
      int status = chunked ? 411 : 413;
      String code = chunked ? "request.length-required" : "request.too-large";
      response.setStatus(status);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getWriter(), Map.of(
          "type", "https://tongban.org/problems/" + code,
          "title", messages.getMessage("problem." + code + ".title", null, locale),
          "status", status,
          "detail", messages.getMessage("problem." + code, new Object[] {LIMIT / 1024}, locale),
          "code", code));
      return;
    }
    chain.doFilter(request, response);
  }
}
