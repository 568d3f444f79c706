package org.tongban.facility.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.booking.BookableResources;
import org.tongban.booking.NewResource;

/**
 * In the demo, the generated county venues people book come with something to book (marked generated): a guided tour
 * at every museum, reading-room seats at every library, a badminton court at every fitness centre and gymnasium,
 * each with slots for the next two weeks — so a newcomer can book from the README alone.
 */
@Component
@Order(31)
class DemoBookings implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoBookings.class);

  private record Offer(String type, String suffix, String kind, int capacity, int feeCents) {}

  private static final List<Offer> OFFERS = List.of(
      new Offer("venue.museum", "常设展讲解（生成）", "venue.tour", 30, 0),
      new Offer("venue.library", "阅览室座位（生成）", "venue.seat", 40, 0),
      new Offer("venue.fitness-centre", "羽毛球场（生成）", "venue.court", 4, 1500),
      new Offer("venue.gymnasium", "篮球场（生成）", "venue.court", 10, 3000));

  private final FacilitySettings settings;
  private final JdbcClient jdbc;
  private final BookableResources resources;

  DemoBookings(FacilitySettings settings, JdbcClient jdbc, BookableResources resources) {
    this.settings = settings;
    this.jdbc = jdbc;
    this.resources = resources;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!settings.generate() || resources.anyGenerated()) return;
    var list = new ArrayList<NewResource>();
    for (var offer : OFFERS) {
      jdbc.sql("select id from facility.facility where generated and type = ? and status = 'OPEN'").param(offer.type())
          .query(UUID.class).list()
          .forEach(id -> list.add(new NewResource(offer.suffix(), offer.kind(), null, null, id, offer.capacity(),
              offer.feeCents(), 1, 2)));
    }
    var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    int slots = resources.openGenerated(list, today, 14,
        List.of(LocalTime.of(9, 30), LocalTime.of(11, 0), LocalTime.of(14, 0), LocalTime.of(15, 30)), 60);
    if (slots > 0) log.info("Opened {} generated bookable resources with {} slots for the next 14 days", list.size(), slots);
  }
}
