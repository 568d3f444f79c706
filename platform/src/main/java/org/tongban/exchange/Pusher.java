package org.tongban.exchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Push to webhooks: each active subscription with a webhook gets its messages after what was pushed, up to
 * {@value #BATCH} at a time, in order, as JSON with an {@code Idempotency-Key} naming the range. The subscription is
 * claimed with a short lease so no two nodes push it at once, and the HTTP call runs outside any transaction. A 2xx
 * answer moves the pushed mark (and the acknowledged one, when the answer says {@code {"acknowledged": n}}); anything
 * else is retried after 1, 2, 4 … times the first delay, and after the last attempt the range is parked as a dead letter
 * until staff re-drive it. Nothing is skipped: later messages wait behind a parked range, so each record stays in order.
 */
@Component
class Pusher {

  static final int BATCH = 100;

  private record Claim(UUID id, String client, String purpose, String webhook, long pushed, int failures) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final JsonMapper json;
  private final int maxAttempts;
  private final Duration firstRetry;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  Pusher(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, ExchangeSettings settings) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.json = json;
    this.maxAttempts = settings.push().maxAttempts();
    this.firstRetry = settings.push().firstRetry();
  }

  @Scheduled(fixedDelayString = "${tongban.exchange.push-interval:PT0.5S}",
      initialDelayString = "${tongban.exchange.initial-delay:PT5S}")
  @SchedulerLock(name = "exchange.push", lockAtMostFor = "PT30S")
  public void scheduled() {
    pushDue(Instant.now());
  }

  /** Pushes every subscription due at {@code now}; returns how many ranges were delivered. */
  int pushDue(Instant now) {
    var due = jdbc.sql("select id from exchange.subscription where status = 'ACTIVE' and webhook is not null"
            + " and not push_parked and pushed_seq < next_seq and (next_push_at is null or next_push_at <= ?)"
            + " and (push_lease_until is null or push_lease_until < ?) order by next_push_at nulls first limit 50")
        .params(java.sql.Timestamp.from(now), java.sql.Timestamp.from(now)).query(UUID.class).list();
    int delivered = 0;
    for (var id : due) {
      var claim = claim(id, now);
      if (claim != null && push(claim, now)) delivered++;
    }
    return delivered;
  }

  private Claim claim(UUID id, Instant now) {
    return jdbc.sql("update exchange.subscription s set push_lease_until = ? where id = ? and status = 'ACTIVE'"
            + " and not push_parked and (push_lease_until is null or push_lease_until < ?)"
            + " returning id, client_id, purpose, webhook, pushed_seq, push_failures")
        .params(java.sql.Timestamp.from(now.plusSeconds(60)), id, java.sql.Timestamp.from(now))
        .query((rs, i) -> new Claim(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getLong(5), rs.getInt(6))).optional().orElse(null);
  }

  private boolean push(Claim c, Instant now) {
    var messages = jdbc.sql("select seq, jws from exchange.message where subscription_id = ? and seq > ? order by seq"
            + " limit ?").params(c.id(), c.pushed(), BATCH)
        .query((rs, i) -> Map.<String, Object>of("seq", rs.getLong(1), "jws", rs.getString(2))).list();
    if (messages.isEmpty()) {
      release(c);
      return false;
    }
    long from = c.pushed() + 1;
    long to = (Long) messages.getLast().get("seq");
    var body = new LinkedHashMap<String, Object>();
    body.put("subscription", c.id().toString());
    body.put("messages", messages);
    String error;
    Long acknowledged = null;
    try {
      var response = http.send(HttpRequest.newBuilder(URI.create(c.webhook())).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json").header("Idempotency-Key", c.id() + ":" + from + "-" + to)
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 == 2) {
        acknowledged = acknowledgedIn(response.body(), to);
        error = null;
      } else {
        error = "HTTP " + response.statusCode();
      }
    } catch (java.io.IOException | RuntimeException e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    String failed = error;
    Long acked = acknowledged;
    return Boolean.TRUE.equals(transactions.execute(s -> failed == null ? delivered(c, to, acked) : failed(c, now, from, to, failed)));
  }

  private boolean delivered(Claim c, long to, Long acknowledged) {
    int n = jdbc.sql("update exchange.subscription set pushed_seq = ?, push_failures = 0, next_push_at = null,"
        + " push_lease_until = null, push_error = null where id = ? and pushed_seq = ?").params(to, c.id(), c.pushed())
        .update();
    if (n != 1) return false;
    evidence(c, "PUSHED", c.pushed() + 1, to);
    if (acknowledged != null) {
      long before = jdbc.sql("select acked_seq from exchange.subscription where id = ? for update").param(c.id())
          .query(Long.class).single();
      if (before < acknowledged && jdbc.sql("update exchange.subscription set acked_seq = ? where id = ? and acked_seq = ?")
          .params(acknowledged, c.id(), before).update() == 1) {
        evidence(c, "ACKNOWLEDGED", before + 1, acknowledged);
      }
    }
    return true;
  }

  private boolean failed(Claim c, Instant now, long from, long to, String error) {
    int attempts = c.failures() + 1;
    boolean park = attempts >= maxAttempts;
    var next = now.plus(firstRetry.multipliedBy(1L << Math.min(attempts - 1, 16)));
    jdbc.sql("update exchange.subscription set push_failures = ?, next_push_at = ?, push_lease_until = null,"
            + " push_error = ?, push_parked = ? where id = ? and pushed_seq = ?")
        .params(park ? 0 : attempts, java.sql.Timestamp.from(next), error.length() > 300 ? error.substring(0, 300) : error,
            park, c.id(), c.pushed()).update();
    if (park) {
      jdbc.sql("insert into exchange.dead_letter (id, subscription_id, from_seq, to_seq, attempts, error)"
          + " values (?, ?, ?, ?, ?, ?)").params(UUID.randomUUID(), c.id(), from, to, attempts, error).update();
    }
    return false;
  }

  private void release(Claim c) {
    jdbc.sql("update exchange.subscription set push_lease_until = null where id = ?").param(c.id()).update();
  }

  private Long acknowledgedIn(String body, long to) {
    try {
      var node = json.readTree(body == null || body.isBlank() ? "{}" : body).get("acknowledged");
      if (node != null && node.canConvertToLong() && node.asLong() > 0 && node.asLong() <= to) return node.asLong();
    } catch (RuntimeException ignored) {
      // an answer that is not JSON: delivered, not acknowledged
    }
    return null;
  }

  private void evidence(Claim c, String kind, long from, long to) {
    jdbc.sql("insert into exchange.evidence (subscription_id, client_id, kind, from_seq, to_seq, purpose)"
        + " values (?, ?, ?, ?, ?, ?)").params(c.id(), c.client(), kind, from, to, c.purpose()).update();
  }
}
