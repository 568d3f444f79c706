package org.tongban.exchange;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.ResultPage;

/**
 * The pull side of delivery: a subscriber reads its messages after a cursor (any position still kept: replay is
 * reading again), and acknowledges up to a number. Each read that returns messages and each acknowledgement that moves
 * the mark is kept as evidence with the subscription's purpose; an acknowledgement repeated or behind the mark changes
 * nothing, one ahead of what was delivered is refused.
 */
@Service
public class Feeds {

  /** A signed message (compact JWS) and its number in the subscription's sequence. */
  public record Message(long seq, String jws) {}

  /** Messages after the cursor; {@code next} is the cursor to read from next; {@code delivered} the highest number. */
  public record Page(List<Message> messages, long next, long delivered, long acknowledged) {}

  private final JdbcClient jdbc;
  private final Subscriptions subscriptions;

  Feeds(JdbcClient jdbc, Subscriptions subscriptions) {
    this.jdbc = jdbc;
    this.subscriptions = subscriptions;
  }

  @Transactional
  public Page read(String clientId, UUID subscription, long after, int limit) {
    var s = subscriptions.ofClient(clientId, subscription);
    if (after < 0) throw new ExchangeRefusals.Invalid("after");
    long purged = jdbc.sql("select purged_seq from exchange.subscription where id = ?").param(subscription)
        .query(Long.class).single();
    if (after < purged) throw new ExchangeRefusals.BeyondRetention(after, purged);
    int size = ResultPage.size(limit);
    var messages = jdbc.sql("select seq, jws from exchange.message where subscription_id = ? and seq > ?"
            + " order by seq limit ?").params(subscription, after, size)
        .query((rs, i) -> new Message(rs.getLong(1), rs.getString(2))).list();
    if (!messages.isEmpty()) {
      evidence(s, "PULLED", messages.getFirst().seq(), messages.getLast().seq());
    }
    long next = messages.isEmpty() ? after : messages.getLast().seq();
    return new Page(messages, next, s.delivered(), s.acknowledged());
  }

  /** Acknowledges every message up to {@code upTo}; returns the acknowledged mark. */
  @Transactional
  public long acknowledge(String clientId, UUID subscription, long upTo) {
    var s = subscriptions.ofClient(clientId, subscription);
    if (upTo < 0) throw new ExchangeRefusals.Invalid("upTo");
    var delivered = jdbc.sql("select next_seq, acked_seq from exchange.subscription where id = ? for update")
        .param(subscription).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    if (upTo > delivered[0]) throw new ExchangeRefusals.AcknowledgedAhead(upTo, delivered[0]);
    if (upTo <= delivered[1]) return delivered[1];
    int n = jdbc.sql("update exchange.subscription set acked_seq = ? where id = ? and acked_seq = ?")
        .params(upTo, subscription, delivered[1]).update();
    if (n != 1) throw new ExchangeRefusals.WrongState("acknowledged");
    evidence(s, "ACKNOWLEDGED", delivered[1] + 1, upTo);
    return upTo;
  }

  /** The evidence kept for a subscription, newest first (for its staff and for the subscriber). */
  public List<Evidence> evidence(UUID subscription, int limit) {
    return jdbc.sql("select kind, from_seq, to_seq, client_id, purpose, at from exchange.evidence"
            + " where subscription_id = ? order by id desc limit ?").params(subscription, ResultPage.size(limit))
        .query((rs, i) -> new Evidence(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
            rs.getString(5), rs.getTimestamp(6).toInstant())).list();
  }

  public record Evidence(String kind, long fromSeq, long toSeq, String client, String purpose, java.time.Instant at) {}

  private void evidence(Subscriptions.Subscription s, String kind, long from, long to) {
    jdbc.sql("insert into exchange.evidence (subscription_id, client_id, kind, from_seq, to_seq, purpose)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(s.id(), s.clientId(), kind, from, to, s.purpose()).update();
  }
}
