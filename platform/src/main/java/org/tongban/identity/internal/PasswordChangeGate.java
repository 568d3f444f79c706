package org.tongban.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A staff member who signs in with a password an administrator has seen (generated at account creation) goes to
 * {@code /account/password} first: every other page sends them there (keeping the page they wanted for after), and
 * the API answers 403 until the password is theirs. Signing out, the second factor and static files stay open.
 */
class PasswordChangeGate extends OncePerRequestFilter {

  static final String AUTHORITY = "PASSWORD_CHANGE_REQUIRED";
  static final String PAGE = "/account/password";
  private static final List<String> OPEN = List.of(PAGE, "/logout", "/login", "/css/", "/js/", "/webjars/",
      "/favicon.", "/error", "/prefs/");

  private final HttpSessionRequestCache cache = new HttpSessionRequestCache();
  private final MessageSource messages;
  private final JsonMapper json;

  PasswordChangeGate(MessageSource messages, JsonMapper json) {
    this.messages = messages;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean mustChange = auth != null && auth.getAuthorities().stream().anyMatch(a -> AUTHORITY.equals(a.getAuthority()));
    if (!mustChange || OPEN.stream().anyMatch(path::startsWith)) {
      chain.doFilter(request, response);
      return;
    }
    if (path.startsWith("/api/")) {
      SecurityConfiguration.problem(response, 403, messages, json, request, "password-change-required");
      return;
    }
    if ("GET".equals(request.getMethod())) cache.saveRequest(request, response);
    response.sendRedirect(request.getContextPath() + PAGE);
  }
}
