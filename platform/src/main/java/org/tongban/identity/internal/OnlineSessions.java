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
import java.util.Optional;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.tongban.audit.AuditTrail;

/**
 * Who is signed in on this node, and ending a session (踢下线). Session ids never leave the server: pages
 * show and accept a short hash of them.
 */
@Component
class OnlineSessions {

  private final SessionRegistry registry;
  private final AuditTrail audit;

  OnlineSessions(SessionRegistry registry, AuditTrail audit) {
    this.registry = registry;
    this.audit = audit;
  }

  record Online(String handle, String username, String displayName, Instant lastRequest, boolean expired) {}

  List<Online> list() {
    var result = new ArrayList<Online>();
    for (Object principal : registry.getAllPrincipals()) {
      for (SessionInformation s : registry.getAllSessions(principal, false)) {
        String name = principal instanceof UserDetails u ? u.getUsername() : String.valueOf(principal);
        String display = principal instanceof StaffUser staff ? staff.displayName() : name;
        result.add(new Online(handle(s.getSessionId()), name, display, s.getLastRequest().toInstant(), s.isExpired()));
      }
    }
    result.sort(Comparator.comparing(Online::lastRequest).reversed());
    return result;
  }

  /** Ends the session with this handle: its next request is signed out. False when no such session. */
  boolean end(String handle) {
    Optional<SessionInformation> session = registry.getAllPrincipals().stream()
        .flatMap(p -> registry.getAllSessions(p, false).stream())
        .filter(s -> handle(s.getSessionId()).equals(handle)).findFirst();
    session.ifPresent(s -> {
      s.expireNow();
      String user = s.getPrincipal() instanceof UserDetails u ? u.getUsername() : String.valueOf(s.getPrincipal());
      audit.record("staff.session-ended", "account", user, null, Map.of("session", handle));
    });
    return session.isPresent();
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
