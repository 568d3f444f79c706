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
  /** A material (10 MiB, checked again by casework) and its multipart envelope. */
  static final long UPLOAD_LIMIT = 11 * 1024 * 1024;
  private final MessageSource messages;
  private final JsonMapper json;

  BodySizeLimit(MessageSource messages, JsonMapper json) {
    this.messages = messages;
    this.json = json;
  }

  /** Facility imports: 200,000 rows of Excel are about 12 MB (the import reads at most this much again). */
  static final long IMPORT_LIMIT = 64L * 1024 * 1024;

  private static boolean isFacilityImport(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && request.getRequestURI().equals("/api/facilities/import");
  }

  private static boolean isMaterialUpload(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.startsWith("multipart/form-data")
        && request.getRequestURI().matches("/api/cases/[0-9a-f-]{36}/materials");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"))
        && !isFacilityImport(request);
    long limit = isMaterialUpload(request) ? UPLOAD_LIMIT : isFacilityImport(request) ? IMPORT_LIMIT : LIMIT;
    if (length > limit || chunked) {
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
          "detail", messages.getMessage("problem." + code, new Object[] {limit / 1024}, locale),
          "code", code));
      return;
    }
    chain.doFilter(request, response);
  }
}
