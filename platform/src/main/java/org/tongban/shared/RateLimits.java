package org.tongban.shared;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets shared by every node: each key's bucket is a row of {@code shared.rate_limit_bucket}, taken from with
 * {@code select … for update} (Bucket4j's PostgreSQL proxy), so ten tries a minute for an account are ten whichever
 * nodes they reach. A bucket is refilled whole once a period (not a token every sixth of a minute), so ten a minute
 * are ten whatever their pace. A bucket that would be full again expires; expired rows are purged every ten minutes.
 */
@Component
public class RateLimits {

  /** The answer to one take: 0 seconds to wait when a token was taken, and the tokens left. */
  public record Probe(long waitSeconds, long remaining) {
    public boolean taken() {
      return waitSeconds == 0;
    }
  }

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

  public RateLimits(DataSource dataSource) {
    this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).primaryKeyMapper(PrimaryKeyMapper.STRING)
        .table("shared.rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
        .build();
  }

  /** Takes a token from {@code key}'s bucket of {@code perPeriod} a {@code period}. */
  public Probe take(String key, int perPeriod, Duration period) {
    var bucket = buckets.builder().build(key + "/" + period.toMinutes() + "/" + perPeriod, () -> BucketConfiguration
        .builder().addLimit(Bandwidth.builder().capacity(perPeriod).refillIntervally(perPeriod, period).build())
        .build());
    var probe = bucket.tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? new Probe(0, probe.getRemainingTokens())
        : new Probe(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1), 0);
  }

  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
  @SchedulerLock(name = "shared.rate-limit-purge", lockAtMostFor = "PT5M")
  public void purge() {
    while (buckets.removeExpired(1_000) == 1_000) {
      // another batch
    }
  }
}
