package org.tongban.health.internal;

import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes who looked at or wrote whose record, in a transaction of its own: a look is logged even when the answer
 * then fails to reach the caller, and a failed write leaves its attempt on the record.
 */
@Component
public class AccessLog {

  public enum Action { READ, SEARCH, HISTORY, WRITE }

  public enum ActorKind { CLINIC, APP, RESIDENT, STAFF }

  /** Who: the principal's name (a client id, an account), its kind, the name shown to the resident, and why. */
  public record Actor(String id, ActorKind kind, String name, String purpose) {}

  private final JdbcClient jdbc;

  AccessLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(Collection<UUID> patients, Action action, String what, Actor actor) {
    for (UUID patient : new java.util.LinkedHashSet<>(patients)) {
      jdbc.sql("insert into health.access (patient, action, what, actor, actor_kind, actor_name, purpose)"
              + " values (?, ?, ?, ?, ?, ?, ?)")
          .params(patient, action.name(), what, actor.id(), actor.kind().name(), actor.name(), actor.purpose())
          .update();
    }
  }
}
