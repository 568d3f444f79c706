package org.tongban.insurance.internal;

import java.time.YearMonth;
import java.time.ZoneId;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongban.insurance.PaymentRuns;

/**
 * 按时发放: on the first of every month at two in the morning the month's payments are written for every region, so
 * that no office has to remember. Safe to run on several nodes at once and to resume after a crash: every payment is
 * unique per person, benefit and month, and the run continues from its cursor.
 */
@Component
class MonthlyPaymentRun {

  private final PaymentRuns runs;

  MonthlyPaymentRun(PaymentRuns runs) {
    this.runs = runs;
  }

  @Scheduled(cron = "0 0 2 1 * *", zone = "Asia/Shanghai")
  @SchedulerLock(name = "insurance.monthly-payment-run", lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
  public void run() {
    runs.runEverywhere(YearMonth.now(ZoneId.of("Asia/Shanghai")), "scheduled", 10_000);
  }
}
