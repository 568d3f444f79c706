package org.tongban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/** A listener that failed once gets the event again, and its publication completes. */
@SpringBootTest
@Import(FailedEventRetryTests.FlakyListener.class)
@Tag("persistence")
class FailedEventRetryTests {

  record Probe(UUID id) {}

  @TestConfiguration
  static class FlakyListener {
    static final AtomicInteger CALLS = new AtomicInteger();

    @ApplicationModuleListener
    void on(Probe probe) {
      if (CALLS.incrementAndGet() == 1) throw new IllegalStateException("the SMS gateway is down (test)");
    }
  }

  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired FailedEventRetry retry;
  @Autowired JdbcClient jdbc;

  @Test
  void aFailedPublicationIsHandedToItsListenerAgainAndCompletes() {
    var probe = new Probe(UUID.randomUUID());
    tx.executeWithoutResult(s -> events.publishEvent(probe));
    await().atMost(Duration.ofSeconds(10)).until(() -> FlakyListener.CALLS.get() == 1 && failed(probe) == 1);
    retry.retry(Duration.ZERO);
    await().atMost(Duration.ofSeconds(10)).until(() -> FlakyListener.CALLS.get() == 2 && completed(probe) == 1);
  }

  /** Marked failed (not merely unfinished: while the listener is still being called it is "processing"). */
  private long failed(Probe probe) {
    return jdbc.sql("select count(*) from event_publication where serialized_event like ? and status = 'FAILED'")
        .param("%" + probe.id() + "%").query(Long.class).single();
  }

  private long completed(Probe probe) {
    return jdbc.sql("select count(*) from event_publication where serialized_event like ? and completion_date is not null")
        .param("%" + probe.id() + "%").query(Long.class).single();
  }
}
