package org.tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class EndedSessionsTests {

  private final EndedSessions filter = new EndedSessions(Duration.ofHours(12));

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  private static MockHttpSession sessionStarted(Duration ago) {
    long created = System.currentTimeMillis() - ago.toMillis();
    return new MockHttpSession() {
      @Override
      public long getCreationTime() {
        return created;
      }
    };
  }

  private MockHttpServletResponse run(MockHttpSession session, boolean signedIn) throws Exception {
    SecurityContextHolder.clearContext();
    if (signedIn) SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("clerk", null, "ROLE_STAFF"));
    var request = new MockHttpServletRequest("GET", "/residents");
    request.setSession(session);
    var response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }

  @Test
  void endsASignedInSessionOlderThanTheLimitHoweverActive() throws Exception {
    var session = sessionStarted(Duration.ofHours(12).plusMinutes(1));
    var response = run(session, true);
    assertThat(response.getRedirectedUrl()).isEqualTo("/login?expired");
    assertThat(session.isInvalid()).isTrue();
  }

  @Test
  void endsASessionAnAdministratorEnded() throws Exception {
    var session = sessionStarted(Duration.ofMinutes(5));
    session.setAttribute(EndedSessions.ENDED, Boolean.TRUE);
    var response = run(session, true);
    assertThat(response.getRedirectedUrl()).isEqualTo("/login?expired");
    assertThat(session.isInvalid()).isTrue();
  }

  @Test
  void leavesYoungerSessionsAndAnonymousVisitorsAlone() throws Exception {
    assertThat(run(sessionStarted(Duration.ofHours(11)), true).getRedirectedUrl()).isNull();
    assertThat(run(sessionStarted(Duration.ofDays(2)), false).getRedirectedUrl()).isNull();
  }
}
