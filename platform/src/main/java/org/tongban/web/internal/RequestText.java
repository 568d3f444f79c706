package org.tongban.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
 * Refuses text no field of the platform can hold, before anything reads it: a NUL character in a query or form value
 * or in a JSON string ({@code \u0000}; PostgreSQL cannot store it, and the request ended in a 500), and query or form
 * bytes that are not UTF-8 (Tomcat drops such a parameter with an exception). The answer is a 400 problem for the API
 * and a 400 page otherwise, in the request's language.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestText extends OncePerRequestFilter {

  private final MessageSource messages;
  private final JsonMapper json;

  RequestText(MessageSource messages, JsonMapper json) {
    this.messages = messages;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Map<String, String[]> parameters;
    try {
      parameters = request.getParameterMap();
    } catch (IllegalStateException undecodable) {
      // Tomcat's InvalidParameterException: bytes that are not UTF-8 (%FF), or too many parameters.
      refuse(request, response, "request.encoding");
      return;
    }
    for (var p : parameters.entrySet()) {
      if (p.getKey().indexOf('\u0000') >= 0) {
        refuse(request, response, "request.nul");
        return;
      }
      for (String v : p.getValue()) {
        if (v != null && v.indexOf('\u0000') >= 0) {
          refuse(request, response, "request.nul");
          return;
        }
      }
    }
    String type = request.getContentType();
    if (type != null && type.toLowerCase().contains("json") && request.getContentLengthLong() != 0) {
      // API bodies are at most 64 KiB (BodySizeLimit, which runs before this filter).
      byte[] body = request.getInputStream().readAllBytes();
      if (containsNul(body)) {
        refuse(request, response, "request.nul");
        return;
      }
      chain.doFilter(new Replayed(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** A raw NUL byte, or the escape {@code \u0000} (not itself escaped, i.e. after an even run of backslashes). */
  static boolean containsNul(byte[] body) {
    for (int i = 0; i < body.length; i++) {
      if (body[i] == 0) return true;
      if (body[i] == '\\' && i + 5 < body.length && (body[i + 1] == 'u' || body[i + 1] == 'U')
          && body[i + 2] == '0' && body[i + 3] == '0' && body[i + 4] == '0' && body[i + 5] == '0') {
        int backslashes = 0;
        for (int j = i; j >= 0 && body[j] == '\\'; j--) backslashes++;
        if (backslashes % 2 == 1) return true;
      }
    }
    return false;
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, String code) throws IOException {
    var locale = RequestContextUtils.getLocale(request);
    if (request.getRequestURI().startsWith("/api/")) {
      response.setStatus(400);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getWriter(), Map.of(
          "type", "https://tongban.org/problems/" + code,
          "title", messages.getMessage("problem.status.400", null, locale),
          "status", 400,
          "detail", messages.getMessage("problem." + code, null, locale),
          "code", code));
      return;
    }
    request.setAttribute(PageErrorAttributes.PROBLEM, code);
    response.sendError(400);
  }

  /** The request with its body read once and handed on again. */
  private static final class Replayed extends HttpServletRequestWrapper {
    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      var in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
