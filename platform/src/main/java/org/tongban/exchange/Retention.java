package org.tongban.exchange;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention (保留期): a subscriber can read its messages again from any position for
 * {@code tongban.exchange.retention.messages} (30 days); after that, messages it has acknowledged are removed and a
 * cursor before them is answered 410 with the first position kept. Messages not yet acknowledged are kept however old
 * (the desk shows the backlog). Dispatched outbox rows go after {@code retention.outbox} (7 days): every message was
 * made from them by then. The evidence of deliveries and acknowledgements is kept. Each subscription is purged in a
 * transaction of its own; two nodes purging at once delete the same rows once.
 */
@Component
class Retention {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ExchangeSettings.Retention settings;

  Retention(JdbcClient jdbc, TransactionTemplate transactions, ExchangeSettings settings) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.settings = settings.retention();
  }

  @Scheduled(cron = "${tongban.exchange.retention.cron:0 41 2 * * *}", zone = "Asia/Shanghai")
  @SchedulerLock(name = "exchange.retention", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
  public void nightly() {
    purge(Instant.now());
  }

  /** Removes what is past retention at {@code now}; returns the number of messages removed. */
  long purge(Instant now) {
    var messagesBefore = Timestamp.from(now.minus(settings.messages()));
    long removed = 0;
    for (UUID subscription : jdbc.sql("select id from exchange.subscription where acked_seq > purged_seq")
        .query(UUID.class).list()) {
      Long n = transactions.execute(tx -> {
        var acked = jdbc.sql("select acked_seq from exchange.subscription where id = ? for update").param(subscription)
            .query(Long.class).single();
        var gone = jdbc.sql("""
                with gone as (delete from exchange.message where subscription_id = ? and seq <= ? and created_at < ?
                  returning seq)
                select count(*), coalesce(max(seq), 0) from gone""")
            .params(subscription, acked, messagesBefore)
            .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        if (gone[0] > 0) {
          jdbc.sql("update exchange.subscription set purged_seq = greatest(purged_seq, ?) where id = ?")
              .params(gone[1], subscription).update();
        }
        return gone[0];
      });
      removed += n == null ? 0 : n;
    }
    jdbc.sql("delete from exchange.outbox where dispatched_at < ?")
        .param(Timestamp.from(now.minus(settings.outbox()))).update();
    return removed;
  }
}
