package org.tongban;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands failed event publications (a listener threw: the SMS gateway was down, a row was locked …) to their listeners
 * again every minute, up to {@link #ATTEMPTS} attempts each. The registry kept them; without this they waited for the
 * next restart, or for ever.
 */
@Component
class FailedEventRetry {

  private static final Logger log = LoggerFactory.getLogger(FailedEventRetry.class);
  /** After this many attempts a publication stays failed for an operator to look at (and is logged). */
  static final int ATTEMPTS = 10;
  private final FailedEventPublications failed;

  FailedEventRetry(FailedEventPublications failed) {
    this.failed = failed;
  }

  @Scheduled(fixedDelayString = "${tongban.events.retry-every:PT1M}", initialDelayString = "${tongban.events.retry-every:PT1M}")
  @SchedulerLock(name = "events.retry", lockAtMostFor = "PT5M")
  public void retry() {
    retry(Duration.ofSeconds(30));
  }

  /** Resubmits failed publications at least {@code minAge} old (a listener may still be retrying a younger one). */
  void retry(Duration minAge) {
    failed.resubmit(ResubmissionOptions.defaults().withMinAge(minAge).withBatchSize(200)
        .withFilter(p -> {
          if (p.getCompletionAttempts() < ATTEMPTS) return true;
          log.warn("Event publication {} ({}) failed {} times; left for an operator", p.getIdentifier(),
              p.getEvent().getClass().getSimpleName(), p.getCompletionAttempts());
          return false;
        }));
  }
}
