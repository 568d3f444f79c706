package org.tongban.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.shared.RegionCode;

/**
 * Pushes parked after the last attempt, for the staff of the subscription's department and regions: the range, the
 * attempts, the last error; re-driving one un-parks the subscription, which is pushed again from where it stopped.
 */
@Service
@Transactional(readOnly = true)
public class DeadLetters {

  public record DeadLetter(UUID id, UUID subscription, String client, String resource, long fromSeq, long toSeq,
                           int attempts, String error, Instant parkedAt, @Nullable String redrivenBy,
                           @Nullable Instant redrivenAt) {}

  private final JdbcClient jdbc;
  private final Jurisdiction jurisdiction;
  private final Subscriptions subscriptions;
  private final Callers callers;
  private final AuditTrail audit;

  DeadLetters(JdbcClient jdbc, Jurisdiction jurisdiction, Subscriptions subscriptions, Callers callers,
              AuditTrail audit) {
    this.jdbc = jdbc;
    this.jurisdiction = jurisdiction;
    this.subscriptions = subscriptions;
    this.callers = callers;
    this.audit = audit;
  }

  /** Open dead letters of the staff member's jurisdiction and departments, oldest first. */
  public List<DeadLetter> open() {
    var scope = jurisdiction.condition(Purpose.VIEW, "s.region_prefix", "s.department");
    if (scope.isEmpty()) return List.of();
    return jdbc.sql("select d.id, d.subscription_id, s.client_id, s.resource, d.from_seq, d.to_seq, d.attempts, d.error,"
            + " d.parked_at, d.redriven_by, d.redriven_at from exchange.dead_letter d join exchange.subscription s"
            + " on s.id = d.subscription_id where d.redriven_at is null and " + scope.sql()
            + " order by d.parked_at limit 200").params(scope.parameters())
        .query((rs, i) -> new DeadLetter(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
            rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getInt(7), rs.getString(8),
            rs.getTimestamp(9).toInstant(), rs.getString(10),
            rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant())).list();
  }

  /** Re-drives a dead letter: the subscription is pushed again from the parked range. */
  @Transactional
  public void redrive(UUID id) {
    var subscription = jdbc.sql("select subscription_id from exchange.dead_letter where id = ?").param(id)
        .query(UUID.class).optional().orElseThrow(() -> new ExchangeRefusals.SubscriptionNotFound(id.toString()));
    var s = subscriptions.forStaff(subscription, Purpose.CAPTURE);
    int n = jdbc.sql("update exchange.dead_letter set redriven_by = ?, redriven_at = now() where id = ?"
        + " and redriven_at is null").params(callers.current().name(), id).update();
    if (n != 1) throw new ExchangeRefusals.WrongState("REDRIVEN");
    jdbc.sql("update exchange.subscription set push_parked = false, push_failures = 0, next_push_at = null"
        + " where id = ?").param(subscription).update();
    audit.record("exchange.dead-letter-redriven", "subscription", subscription.toString(),
        RegionCode.of(s.regionPrefix()), Map.of("deadLetter", id.toString()));
  }
}
