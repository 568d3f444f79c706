package org.tongban.insurance.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongban.insurance.Qualifications;

/**
 * Every morning, pensioners whose 待遇资格认证 lapses within a month get a text. Once per person and expiry (a key in
 * the table): a second node running the same job at the same time sends nothing more.
 */
@Component
class QualificationReminders {

  private final Qualifications qualifications;

  QualificationReminders(Qualifications qualifications) {
    this.qualifications = qualifications;
  }

  @Scheduled(cron = "0 30 8 * * *", zone = "Asia/Shanghai")
  @SchedulerLock(name = "insurance.qualification-reminders", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
  public void remind() {
    qualifications.remind();
  }
}
