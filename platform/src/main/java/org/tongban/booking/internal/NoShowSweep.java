package org.tongban.booking.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongban.booking.BookingManagement;

/** Every five minutes, bookings of slots that ended without a check-in become no-shows. */
@Component
class NoShowSweep {

  private final BookingManagement bookings;

  NoShowSweep(BookingManagement bookings) {
    this.bookings = bookings;
  }

  @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
  @SchedulerLock(name = "booking.no-show-sweep", lockAtMostFor = "PT5M")
  public void sweep() {
    bookings.markNoShows();
  }
}
