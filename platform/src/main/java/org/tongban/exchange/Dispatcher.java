package org.tongban.exchange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.exchange.spi.ResourceDescriptor.Sensitivity;
import org.tongban.shared.PlatformSignatures;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns outbox rows into messages: for each row in order, every active subscription of its resource whose region
 * prefix covers the row's region gets the next number of its own sequence and a JWS signed with the platform's key
 * (the fields as its sensitivity allows, an idempotency key, the times). One dispatcher at a time across nodes (a
 * transaction-scoped advisory lock), so numbers follow the outbox order; a row and its messages commit together.
 * A subscription gets the changes written after it became active (the outbox position then).
 */
@Component
class Dispatcher {

  static final String TYPE = "tongban-exchange+jwt";
  private static final int BATCH = 500;
  private static final long LOCK = 0x7EC4_0001L;
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private record Row(long id, String resource, String key, String region, String fields, Instant occurredAt) {}

  private static final class Sub {
    final UUID id;
    final String resource;
    final String prefix;
    final Sensitivity sensitivity;
    final long fromOutbox;
    long next;
    boolean moved;

    Sub(UUID id, String resource, String prefix, Sensitivity sensitivity, long next, long fromOutbox) {
      this.fromOutbox = fromOutbox;
      this.id = id;
      this.resource = resource;
      this.prefix = prefix;
      this.sensitivity = sensitivity;
      this.next = next;
    }
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final PlatformSignatures signatures;
  private final ResourceCatalogue catalogue;
  private final JsonMapper json;

  Dispatcher(JdbcClient jdbc, TransactionTemplate transactions, PlatformSignatures signatures,
             ResourceCatalogue catalogue, JsonMapper json) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.signatures = signatures;
    this.catalogue = catalogue;
    this.json = json;
  }

  @Scheduled(fixedDelayString = "${tongban.exchange.dispatch-interval:PT0.25S}",
      initialDelayString = "${tongban.exchange.initial-delay:PT5S}")
  void scheduled() {
    dispatch(false);
  }

  /** Dispatches until the outbox is empty, waiting for another dispatcher to finish first; returns the rows taken. */
  int dispatchAll() {
    return dispatch(true);
  }

  /** {@code wait}: for the lock; else give way when another node (or the schedule) dispatches now. */
  private int dispatch(boolean wait) {
    int total = 0;
    while (true) {
      Integer n = transactions.execute(s -> batch(wait));
      if (n == null || n == 0) return total;
      total += n;
      if (n < BATCH) return total;
    }
  }

  private int batch(boolean wait) {
    if (wait) {
      jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query((rs, i) -> 1).single();
    } else if (!Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class)
        .single())) {
      return 0;
    }
    var rows = jdbc.sql("select id, resource, record_key, region_code, fields::text, occurred_at from exchange.outbox"
            + " where dispatched_at is null order by id limit ?").param(BATCH)
        .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getTimestamp(6).toInstant())).list();
    if (rows.isEmpty()) return 0;
    var resources = rows.stream().map(Row::resource).distinct().toArray(String[]::new);
    var subs = jdbc.sql("select id, resource, region_prefix, sensitivity, next_seq, from_outbox from exchange.subscription"
            + " where status = 'ACTIVE' and resource = any(?) order by id for update").param(resources)
        .query((rs, i) -> new Sub(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
            Sensitivity.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6))).list();
    var byResource = new HashMap<String, List<Sub>>();
    for (var s : subs) byResource.computeIfAbsent(s.resource, r -> new ArrayList<>()).add(s);
    var messages = new ArrayList<Object[]>();
    String iat = Instant.now().toString();
    for (var row : rows) {
      var matching = byResource.getOrDefault(row.resource(), List.of()).stream()
          .filter(s -> row.id() > s.fromOutbox && row.region().startsWith(s.prefix)).toList();
      if (matching.isEmpty()) continue;
      var descriptor = catalogue.descriptor(row.resource());
      Map<String, Object> fields = json.readValue(row.fields(), MAP);
      for (var s : matching) {
        s.next++;
        s.moved = true;
        var claims = new LinkedHashMap<String, Object>();
        claims.put("iss", "tongban");
        claims.put("sub", s.id.toString());
        claims.put("seq", s.next);
        claims.put("idempotency_key", row.resource() + ":" + row.id());
        claims.put("resource", row.resource());
        claims.put("key", row.key());
        claims.put("region", row.region());
        claims.put("occurred_at", row.occurredAt().toString());
        claims.put("issued_at", iat);
        claims.put("fields", Masking.forLevel(descriptor, fields, s.sensitivity));
        messages.add(new Object[] {s.id, s.next, row.id(), signatures.sign(TYPE, claims)});
      }
    }
    for (var m : messages) {
      jdbc.sql("insert into exchange.message (subscription_id, seq, outbox_id, jws) values (?, ?, ?, ?)")
          .params(m).update();
    }
    for (var s : subs) {
      if (s.moved) jdbc.sql("update exchange.subscription set next_seq = ? where id = ?").params(s.next, s.id).update();
    }
    jdbc.sql("update exchange.outbox set dispatched_at = now() where id = any(?)")
        .param(rows.stream().map(Row::id).toArray(Long[]::new)).update();
    return rows.size();
  }
}
