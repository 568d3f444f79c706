package org.tongban.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs out a session that has ended: one older than the absolute limit, however active it was (the idle limit is the
 * servlet session timeout; 等保 2.0 asks for both), and one an administrator ended on any node (踢下线,
 * {@link OnlineSessions}), which carries {@link #ENDED}. Both are read from the session the request already loaded:
 * Spring Security's concurrency filter, which did the second job, read and deserialized the session row a second time
 * on every request.
 */
class EndedSessions extends OncePerRequestFilter {

  /** Session attribute set when an administrator ends the session. */
  static final String ENDED = "tongban.session-ended";

  private final Duration limit;

  EndedSessions(Duration limit) {
    this.limit = limit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var session = request.getSession(false);
    if (session != null && (endedByAdministrator(session) || pastAbsoluteLimit(session))) {
      session.invalidate();
      SecurityContextHolder.clearContext();
      response.sendRedirect(request.getContextPath() + "/login?expired");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean endedByAdministrator(HttpSession session) {
    return Boolean.TRUE.equals(session.getAttribute(ENDED));
  }

  private boolean pastAbsoluteLimit(HttpSession session) {
    return SecurityContextHolder.getContext().getAuthentication() != null
        && System.currentTimeMillis() - session.getCreationTime() > limit.toMillis();
  }
}
