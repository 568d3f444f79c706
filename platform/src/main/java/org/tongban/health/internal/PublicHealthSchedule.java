package org.tongban.health.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongban.health.PublicHealth;

/**
 * Every morning: the new year's services of the yearly programmes are scheduled (on 1 January; a no-op on other
 * days), and residents with a service overdue get one text each.
 */
@Component
class PublicHealthSchedule {

  private static final Logger log = LoggerFactory.getLogger(PublicHealthSchedule.class);
  private final PublicHealth services;

  PublicHealthSchedule(PublicHealth services) {
    this.services = services;
  }

  @Scheduled(cron = "0 40 8 * * *", zone = "Asia/Shanghai")
  @SchedulerLock(name = "health.public-health-daily", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
  public void daily() {
    var today = PublicHealth.today();
    int scheduled = services.extend(today.getYear());
    int texted = services.remind(today);
    if (scheduled + texted > 0) log.info("Public health: {} services scheduled, {} overdue texted", scheduled, texted);
  }
}
