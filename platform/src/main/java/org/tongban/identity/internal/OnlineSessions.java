package org.tongban.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.tongban.audit.AuditTrail;

/**
 * Who is signed in, on any node, and ending a session (踢下线). Sessions are rows of the shared session store
 * ({@link HttpSessions}); ending one marks it ended there ({@link EndedSessions#ENDED}), so the next request to any node
 * signs it out. Session
 * ids never leave the server: pages show and accept a short hash of them.
 */
@Component
class OnlineSessions {

  private final FindByIndexNameSessionRepository<? extends Session> store;
  private final JdbcClient jdbc;
  private final AuditTrail audit;

  OnlineSessions(FindByIndexNameSessionRepository<? extends Session> store, JdbcClient jdbc, AuditTrail audit) {
    this.store = store;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  record Online(String handle, String username, String displayName, Instant lastRequest, boolean expired) {}

  List<Online> list() {
    var result = new ArrayList<Online>();
    for (String name : signedIn()) {
      for (Session session : store.findByPrincipalName(name).values()) {
        result.add(new Online(handle(session.getId()), name, displayName(session, name),
            session.getLastAccessedTime(), Boolean.TRUE.equals(session.getAttribute(EndedSessions.ENDED))));
      }
    }
    result.sort(Comparator.comparing(Online::lastRequest).reversed());
    return result;
  }

  /** Ends the session with this handle: its next request, on any node, is signed out. False when no such session. */
  boolean end(String handle) {
    return end(store, handle);
  }

  private <S extends Session> boolean end(FindByIndexNameSessionRepository<S> sessions, String handle) {
    for (String name : signedIn()) {
      for (S session : sessions.findByPrincipalName(name).values()) {
        if (!handle(session.getId()).equals(handle) || Boolean.TRUE.equals(session.getAttribute(EndedSessions.ENDED))) {
          continue;
        }
        session.setAttribute(EndedSessions.ENDED, Boolean.TRUE);
        sessions.save(session);
        audit.record("staff.session-ended", "account", name, null, Map.of("session", handle));
        return true;
      }
    }
    return false;
  }

  /**
   * Signs {@code name} out everywhere: every session of hers, on every node, is deleted except {@code keep} (the
   * session she asked from, when it should stay). Returns how many ended.
   */
  int endAllOf(String name, @Nullable String keep) {
    var ended = new ArrayList<String>();
    for (String id : store.findByPrincipalName(name).keySet()) {
      if (id.equals(keep)) continue;
      store.deleteById(id);
      ended.add(handle(id));
    }
    if (keep == null || !ended.isEmpty()) {
      audit.record("account.signed-out-everywhere", "account", name, null,
          Map.of("sessions", String.join(",", ended)));
    }
    return ended.size();
  }

  /** The names with an unexpired session (the store indexes sessions by name but cannot list the names). */
  private List<String> signedIn() {
    return jdbc.sql("select distinct principal_name from " + HttpSessions.TABLE
            + " where principal_name is not null and expiry_time > ? order by principal_name")
        .param(System.currentTimeMillis()).query(String.class).list();
  }

  private static String displayName(Session session, String name) {
    SecurityContext context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    Object principal = context == null || context.getAuthentication() == null ? null
        : context.getAuthentication().getPrincipal();
    if (principal instanceof StaffUser staff) return staff.displayName();
    if (principal instanceof ResidentUser resident) return resident.displayName();
    return name;
  }

  static String handle(String sessionId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
