package org.tongban;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * One browser's session in a MockMvc test. Sessions live in PostgreSQL (Spring Session) and are found by their cookie
 * only, as a browser carries it: this sends the cookie with each request and takes the one each answer sets (a new
 * session, a new id after signing in or raising the factor, none after signing out). Attributes are read from the
 * session store, as another node would read them.
 */
public final class BrowserSession {

  /** {@code server.servlet.session.cookie.name}. */
  public static final String COOKIE = "TONGBAN_SESSION";

  private final MockMvc mvc;
  private @Nullable Cookie cookie;

  private BrowserSession(MockMvc mvc) {
    this.mvc = mvc;
  }

  /** A browser with no session yet. */
  public static BrowserSession in(MockMvc mvc) {
    return new BrowserSession(mvc);
  }

  public ResultActions perform(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
    if (cookie != null) request.cookie(cookie);
    var actions = mvc.perform(request);
    for (Cookie set : actions.andReturn().getResponse().getCookies()) { // the last one set counts
      if (set.getName().equals(COOKIE)) cookie = set.getMaxAge() == 0 || set.getValue().isEmpty() ? null : set;
    }
    return actions;
  }

  /** The session's id as the store keeps it (the cookie holds it in Base64); null before the first session. */
  public @Nullable String id() {
    return cookie == null ? null : new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
  }

  public <T> @Nullable T attribute(String name) {
    var session = stored();
    return session == null ? null : session.getAttribute(name);
  }

  public java.time.@Nullable Duration maxInactiveInterval() {
    var session = stored();
    return session == null ? null : session.getMaxInactiveInterval();
  }

  /** True when the browser has no session the store still holds (never had one, signed out, ended, expired). */
  public boolean isInvalid() {
    return stored() == null;
  }

  private @Nullable Session stored() {
    String id = id();
    if (id == null) return null;
    var store = mvc.getDispatcherServlet().getWebApplicationContext().getBean(SessionRepository.class);
    return store.findById(id);
  }
}
