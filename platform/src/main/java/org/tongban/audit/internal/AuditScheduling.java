package org.tongban.audit.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongban.audit.AuditTrail;

/**
 * The audit trail's timed work, each on one node at a time: chaining staged entries every 200 ms, a signed checkpoint
 * every minute (and at start), the nightly retention purge. Reads of the trail chain what is staged themselves.
 */
@Component
class AuditScheduling {

  private final AuditTrail trail;

  AuditScheduling(AuditTrail trail) {
    this.trail = trail;
  }

  @Scheduled(fixedDelay = 200)
  @SchedulerLock(name = "audit.chain", lockAtMostFor = "PT30S")
  public void chain() {
    trail.flush();
  }

  @Scheduled(fixedDelayString = "${tongban.audit.checkpoint-every:PT1M}", initialDelay = 0)
  @SchedulerLock(name = "audit.checkpoint", lockAtMostFor = "PT5M")
  public void checkpoint() {
    trail.checkpoint();
  }

  @Scheduled(cron = "0 17 3 * * *")
  @SchedulerLock(name = "audit.retention", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
  public void purge() {
    trail.purgeExpired();
  }
}
