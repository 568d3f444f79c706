package org.tongban.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the other nodes on the same database that something they keep in memory changed: {@link #send} is PostgreSQL's
 * {@code NOTIFY} (delivered when the sending transaction commits, at once outside one), and every node keeps one
 * connection that {@code LISTEN}s and turns each notice from another node into a {@link NodeSignal} event. A node that
 * loses that connection (the database restarted) connects again and signals {@link NodeSignal#ANY}, since notices sent
 * meanwhile are lost. Pushed, not polled on a timer.
 */
@Component
public class NodeSignals implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(NodeSignals.class);
  static final String CHANNEL = "tongban_node_signals";

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  /** This node, so that its own notices are not taken for another's. */
  private final String node = UUID.randomUUID().toString();
  private volatile boolean running;
  private volatile @Nullable Thread listener;
  private volatile @Nullable Connection connection;
  private volatile boolean listening;

  public NodeSignals(DataSource dataSource, JdbcClient jdbc, ApplicationEventPublisher events) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Tells the other nodes that {@code topic} changed (in the current transaction, when there is one). */
  public void send(String topic) {
    jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, topic + "|" + node).query((rs, i) -> 1).list();
  }

  @Override
  public void start() {
    running = true;
    listener = Thread.ofPlatform().daemon().name("node-signals").start(this::listen);
  }

  @Override
  public void stop() {
    running = false;
    listening = false;
    var thread = listener;
    if (thread != null) thread.interrupt();
    close();
  }

  /** Whether this node hears the others now (its connection is up and listening). */
  public boolean listening() {
    return listening;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void listen() {
    boolean first = true;
    while (running) {
      try {
        var c = dataSource.getConnection();
        connection = c;
        try (var statement = c.createStatement()) {
          statement.execute("listen " + CHANNEL);
        }
        listening = true;
        if (!first) signal(NodeSignal.ANY);
        first = false;
        var pg = c.unwrap(PGConnection.class);
        while (running) {
          var notices = pg.getNotifications(5_000);
          if (notices == null) continue;
          for (var notice : notices) {
            String payload = notice.getParameter();
            int bar = payload.lastIndexOf('|');
            if (bar < 0 || payload.substring(bar + 1).equals(node)) continue;
            signal(payload.substring(0, bar));
          }
        }
      } catch (SQLException | RuntimeException e) {
        listening = false;
        if (!running) return;
        log.warn("Node signals: connection lost ({}); connecting again in 1 s", e.getMessage());
        close();
        try {
          Thread.sleep(1_000);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  /** Hands a signal to this node's listeners; one that fails is logged, the connection kept. */
  private void signal(String topic) {
    try {
      events.publishEvent(new NodeSignal(topic));
    } catch (RuntimeException e) {
      log.error("Node signals: a listener of {} failed", topic, e);
    }
  }

  private void close() {
    var c = connection;
    connection = null;
    if (c == null) return;
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing a broken connection
    }
  }
}
