package org.tongban.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store as requests see it, writing a session's last access at most once a {@link #GRAIN}. Spring Session
 * JDBC rewrites the session row at the end of every request only to move its last-access time: 6.5 % of a JSON
 * request's CPU in the #18.3 recordings, and a new row version, WAL and a commit for PostgreSQL each time. Here a
 * session is saved when something in it changed (an attribute, its id, its timeout, a new session) or when its stored
 * last access is a minute old or more; a request of a session that changed nothing writes nothing.
 *
 * <p>What this costs: a session idle for the full timeout ends up to a minute early, and the online-users page shows a
 * session's last request to the minute. The absolute limit counts from the session's creation and is unchanged.
 */
final class CoarseLastAccess implements FindByIndexNameSessionRepository<Session> {

  /** How stale a stored last access may be before a request writes it again. */
  static final Duration GRAIN = Duration.ofMinutes(1);

  private final FindByIndexNameSessionRepository<Session> store;

  @SuppressWarnings("unchecked")
  CoarseLastAccess(FindByIndexNameSessionRepository<? extends Session> store) {
    // The store's own sessions are the only ones handed back to it (unwrapped in save).
    this.store = (FindByIndexNameSessionRepository<Session>) store;
  }

  @Override
  public Session createSession() {
    return new Tracked(store.createSession(), true);
  }

  @Override
  public void save(Session session) {
    if (!(session instanceof Tracked tracked)) {
      store.save(session);
      return;
    }
    if (tracked.changed) {
      store.save(tracked.stored);
      tracked.changed = false;
    }
  }

  @Override
  public @Nullable Session findById(String id) {
    Session found = store.findById(id);
    return found == null ? null : new Tracked(found, false);
  }

  @Override
  public void deleteById(String id) {
    store.deleteById(id);
  }

  @Override
  public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
    var found = new LinkedHashMap<String, Session>();
    store.findByIndexNameAndIndexValue(indexName, indexValue).forEach((id, s) -> found.put(id, new Tracked(s, false)));
    return found;
  }

  /** A stored session that knows whether anything worth writing changed since it was read or saved. */
  private static final class Tracked implements Session {

    final Session stored;
    boolean changed;

    Tracked(Session stored, boolean changed) {
      this.stored = stored;
      this.changed = changed;
    }

    @Override
    public void setLastAccessedTime(Instant time) {
      if (time.isBefore(stored.getLastAccessedTime().plus(GRAIN))) return;
      stored.setLastAccessedTime(time);
      changed = true;
    }

    @Override
    public void setAttribute(String name, @Nullable Object value) {
      stored.setAttribute(name, value);
      changed = true;
    }

    @Override
    public void removeAttribute(String name) {
      stored.removeAttribute(name);
      changed = true;
    }

    @Override
    public String changeSessionId() {
      changed = true;
      return stored.changeSessionId();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      if (interval.equals(stored.getMaxInactiveInterval())) return;
      stored.setMaxInactiveInterval(interval);
      changed = true;
    }

    @Override
    public String getId() {
      return stored.getId();
    }

    @Override
    public <T> @Nullable T getAttribute(String name) {
      return stored.getAttribute(name);
    }

    @Override
    public Set<String> getAttributeNames() {
      return stored.getAttributeNames();
    }

    @Override
    public Instant getCreationTime() {
      return stored.getCreationTime();
    }

    @Override
    public Instant getLastAccessedTime() {
      return stored.getLastAccessedTime();
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return stored.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
      return stored.isExpired();
    }
  }
}
