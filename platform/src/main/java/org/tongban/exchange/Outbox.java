package org.tongban.exchange;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tongban.exchange.spi.SharedResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox: a module's event that marks a change of a shared resource is written here by a listener
 * that runs inside the module's own transaction (a plain, synchronous listener), so a rolled-back change leaves no row
 * and a committed one cannot be lost when the process dies a moment later. Rows are numbered in insertion order; the
 * changes of one record are inserted under that record's own lock, so their order is their commit order. Within a
 * transaction the rows are collected and inserted as one batch just before it commits (still under those locks, in
 * the order the events came): the indicator applier announces dozens of values a fold, and a round trip each was
 * most of its time under load (bench/indicators.sh).
 */
@Component
class Outbox {

  private final Map<Class<?>, List<SharedResource<?>>> byEvent = new HashMap<>();
  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final JsonMapper json;

  Outbox(ResourceCatalogue catalogue, JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
    this.jdbc = jdbc;
    this.template = template;
    this.json = json;
    for (var r : catalogue.all()) {
      byEvent.computeIfAbsent(r.event(), e -> new java.util.ArrayList<>()).add(r);
    }
  }

  @EventListener
  void on(PayloadApplicationEvent<?> published) {
    var resources = byEvent.get(published.getPayload().getClass());
    if (resources == null) return;
    for (var r : resources) write(r, published.getPayload());
  }

  @SuppressWarnings("unchecked")
  private <E> void write(SharedResource<E> resource, Object event) {
    resource.record((E) event).ifPresent(record -> {
      var row = new Object[] {resource.descriptor().code(), record.key(), record.region().value(),
          json.writeValueAsString(record.fields())};
      if (TransactionSynchronizationManager.isSynchronizationActive()
          && TransactionSynchronizationManager.isActualTransactionActive()) {
        pending().add(row);
      } else {
        jdbc.sql(INSERT).params(row).update();
      }
    });
  }

  private static final String INSERT =
      "insert into exchange.outbox (resource, record_key, region_code, fields) values (?, ?, ?, ?::jsonb)";

  // The batch lives in a synchronization of the current transaction, so a transaction started inside it (REQUIRES_NEW,
  // which suspends the outer one's synchronizations) gets a batch of its own and commits its rows itself.
  private List<Object[]> pending() {
    for (var registered : TransactionSynchronizationManager.getSynchronizations()) {
      if (registered instanceof Batch batch && batch.outbox == this) return batch.rows;
    }
    var batch = new Batch(this);
    TransactionSynchronizationManager.registerSynchronization(batch);
    return batch.rows;
  }

  private static final class Batch implements TransactionSynchronization {
    private final Outbox outbox;
    private final List<Object[]> rows = new java.util.ArrayList<>();

    Batch(Outbox outbox) {
      this.outbox = outbox;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      outbox.template.batchUpdate(INSERT, rows);
      rows.clear();
    }
  }
}
