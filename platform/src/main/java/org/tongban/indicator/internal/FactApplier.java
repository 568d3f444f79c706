package org.tongban.indicator.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongban.indicator.IndicatorManagement;

/** Folds staged fact changes into the values every 200 ms, so a committed change shows within a second. */
@Component
class FactApplier {

  private final IndicatorManagement indicators;

  FactApplier(IndicatorManagement indicators) {
    this.indicators = indicators;
  }

  @Scheduled(fixedDelay = 200)
  @SchedulerLock(name = "indicator.apply", lockAtMostFor = "PT30S")
  public void apply() {
    indicators.apply();
  }
}
