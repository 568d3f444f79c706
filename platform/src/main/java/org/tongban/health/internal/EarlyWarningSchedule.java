package org.tongban.health.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongban.health.EarlyWarning;

/**
 * The detectors run every hour on the day's reports (an alert once raised stays; a day's counts only grow), and the
 * deadlines are checked every five minutes. Both are idempotent, so a second node running them changes nothing.
 */
@Component
class EarlyWarningSchedule {

  private final EarlyWarning warning;

  EarlyWarningSchedule(EarlyWarning warning) {
    this.warning = warning;
  }

  @Scheduled(cron = "${tongban.health.detect-cron:0 7 * * * *}", zone = "Asia/Shanghai")
  @SchedulerLock(name = "health.detect", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
  public void detect() {
    warning.detect(LocalDate.now(ZoneId.of("Asia/Shanghai")), Instant.now());
  }

  @Scheduled(cron = "${tongban.health.escalate-cron:0 */5 * * * *}", zone = "Asia/Shanghai")
  @SchedulerLock(name = "health.escalate", lockAtMostFor = "PT4M")
  public void escalate() {
    warning.escalate(Instant.now());
  }
}
