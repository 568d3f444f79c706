package org.tongban.exchange;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.exchange.spi.SharedResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox: a module's event that marks a change of a shared resource is written here by a listener
 * that runs inside the module's own transaction (a plain, synchronous listener), so a rolled-back change leaves no row
 * and a committed one cannot be lost when the process dies a moment later. Rows are numbered in insertion order; the
 * changes of one record are inserted under that record's own lock, so their order is their commit order.
 */
@Component
class Outbox {

  private final Map<Class<?>, List<SharedResource<?>>> byEvent = new HashMap<>();
  private final JdbcClient jdbc;
  private final JsonMapper json;

  Outbox(ResourceCatalogue catalogue, JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
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
    resource.record((E) event).ifPresent(record -> jdbc.sql(
            "insert into exchange.outbox (resource, record_key, region_code, fields) values (?, ?, ?, ?::jsonb)")
        .params(resource.descriptor().code(), record.key(), record.region().value(),
            json.writeValueAsString(record.fields()))
        .update());
  }
}
