package org.tongban.consultation.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongban.consultation.Tickets;

/** Every working morning, open tickets past their due date go to the office a level up (guarded: once each). */
@Component
class TicketEscalation {

  private final Tickets tickets;

  TicketEscalation(Tickets tickets) {
    this.tickets = tickets;
  }

  @Scheduled(cron = "0 0 8 * * *", zone = "Asia/Shanghai")
  @SchedulerLock(name = "consultation.ticket-escalation", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
  public void escalate() {
    tickets.escalateOverdue();
  }
}
