package org.tongban.casework.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.TransactionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Empties {@link ProcessStarts}' queue every 100 ms, a hundred cases per transaction, on one node at a time (ShedLock,
 * as every timed job). Each batch also locks its case rows and skips those an officer's action holds: that action
 * starts the process itself.
 */
@Component
class ProcessStarter {

  static final int BATCH = 100;
  private static final Logger log = LoggerFactory.getLogger(ProcessStarter.class);

  private final ProcessStarts starts;
  private final CaseProgress progress;
  private final TransactionTemplate transaction;

  ProcessStarter(ProcessStarts starts, CaseProgress progress, TransactionTemplate transaction) {
    this.starts = starts;
    this.progress = progress;
    this.transaction = transaction;
  }

  @Scheduled(fixedDelay = 100)
  @SchedulerLock(name = "casework.process-start", lockAtMostFor = "PT1M")
  public void drain() {
    try {
      while (startBatch() == BATCH) {
        // a full batch: more may wait
      }
    } catch (DataAccessException | TransactionException e) {
      // The database is away (restarting, failing over): the queue keeps every case; the next round takes them.
      log.warn("Case processes not started this round: {}", e.getMessage());
    }
  }

  /** Starts one batch; the number of cases it took. */
  int startBatch() {
    Integer taken = transaction.execute(status -> {
      var batch = starts.startWaiting(BATCH);
      batch.astray().forEach(progress::sync);
      return batch.taken();
    });
    return taken == null ? 0 : taken;
  }
}
