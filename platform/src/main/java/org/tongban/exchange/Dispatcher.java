package org.tongban.exchange;

import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes the outbox rows not yet dispatched, in order, under a transaction-scoped advisory lock (one node at a time; a
 * node that does not get it gives way): outbox ids are assigned at insert, not at commit, so "the ids after the last
 * one seen" could pass over a row that commits late, while "the rows not yet dispatched" cannot. In the embedded
 * engine the rows become messages in the same transaction ({@link Messages}); with Kafka on ({@link KafkaEngine}) they
 * are sent to their resource's topic, keyed by region, and marked only once the broker has them all.
 */
@Component
class Dispatcher {

  private static final int BATCH = 500;
  private static final long LOCK = 0x7EC4_0001L;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Messages messages;
  private final @Nullable KafkaEngine kafka;

  Dispatcher(JdbcClient jdbc, TransactionTemplate transactions, Messages messages, ObjectProvider<KafkaEngine> kafka) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.messages = messages;
    this.kafka = kafka.getIfAvailable();
  }

  @Scheduled(fixedDelayString = "${tongban.exchange.dispatch-interval:PT0.25S}",
      initialDelayString = "${tongban.exchange.initial-delay:PT5S}")
  @SchedulerLock(name = "exchange.dispatch", lockAtMostFor = "PT30S")
  public void scheduled() {
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
    List<Messages.Change> rows = jdbc.sql("select id, resource, record_key, region_code, fields::text, occurred_at"
            + " from exchange.outbox where dispatched_at is null order by id limit ?").param(BATCH)
        .query((rs, i) -> new Messages.Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    if (rows.isEmpty()) return 0;
    if (kafka != null) {
      kafka.send(rows);
    } else {
      messages.make(rows);
    }
    jdbc.sql("update exchange.outbox set dispatched_at = now() where id = any(?)")
        .param(rows.stream().map(Messages.Change::id).toArray(Long[]::new)).update();
    return rows.size();
  }
}
