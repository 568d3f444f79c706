package org.tongban.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session once it is older than the absolute limit, however active it was (the idle limit
 * is the servlet session timeout). 等保 2.0 asks for both.
 */
class AbsoluteSessionTimeout extends OncePerRequestFilter {

  private final Duration limit;

  AbsoluteSessionTimeout(Duration limit) {
    this.limit = limit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var session = request.getSession(false);
    if (session != null && SecurityContextHolder.getContext().getAuthentication() != null
        && System.currentTimeMillis() - session.getCreationTime() > limit.toMillis()) {
      session.invalidate();
      SecurityContextHolder.clearContext();
      response.sendRedirect(request.getContextPath() + "/login?expired");
      return;
    }
    chain.doFilter(request, response);
  }
}
