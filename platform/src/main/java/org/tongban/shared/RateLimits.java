package org.tongban.shared;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits shared by every node: {@code perPeriod} takes a {@code period} for each key, counted in a row of the unlogged
 * table {@code shared.rate_limit_window} by one upsert, so ten tries a minute for an account are ten whichever nodes
 * they reach. A window starts at a key's first take and allows its whole count whatever their pace (not a token every
 * sixth of a minute); the next take after it ends starts a new one. Times are the database's clock, one for every node.
 *
 * <p>One statement, and no WAL to flush at its commit: Bucket4j's PostgreSQL proxy, used before, read the row with
 * {@code select … for update} and wrote it back in a transaction that held the row through a WAL flush, and sign-ins
 * from one address queued on it (ADR 0013 decision 14). Ended windows are purged every ten minutes.
 */
@Component
public class RateLimits {

  /** The answer to one take: 0 seconds to wait when it was allowed, and how many are left in the window. */
  public record Probe(long waitSeconds, long remaining) {
    public boolean taken() {
      return waitSeconds == 0;
    }
  }

  private static final String NOW_MS = "(extract(epoch from clock_timestamp()) * 1000)::bigint";

  private final JdbcClient jdbc;

  public RateLimits(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Takes one of {@code key}'s {@code perPeriod} a {@code period}. */
  public Probe take(String key, int perPeriod, Duration period) {
    long periodMs = period.toMillis();
    // excluded.ends_at is now + period: a window that ended by now starts afresh with this take.
    var row = jdbc.sql("insert into shared.rate_limit_window as w (id, taken, ends_at) values (?, 1, " + NOW_MS + " + ?)"
            + " on conflict (id) do update set"
            + " taken = case when w.ends_at <= excluded.ends_at - ? then 1 else least(w.taken + 1, 2147483646) end,"
            + " ends_at = case when w.ends_at <= excluded.ends_at - ? then excluded.ends_at else w.ends_at end"
            + " returning taken, ends_at - " + NOW_MS + " as left_ms")
        .params(key + "/" + period.toMinutes() + "/" + perPeriod, periodMs, periodMs, periodMs)
        .query((rs, n) -> new long[] {rs.getLong("taken"), rs.getLong("left_ms")}).single();
    long taken = row[0];
    if (taken <= perPeriod) return new Probe(0, perPeriod - taken);
    return new Probe(Math.max(1, (row[1] + 999) / 1000), 0);
  }

  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
  @SchedulerLock(name = "shared.rate-limit-purge", lockAtMostFor = "PT5M")
  public void purge() {
    while (jdbc.sql("delete from shared.rate_limit_window where id in (select id from shared.rate_limit_window"
        + " where ends_at < " + NOW_MS + " limit 1000)").update() == 1_000) {
      // another batch
    }
  }
}
