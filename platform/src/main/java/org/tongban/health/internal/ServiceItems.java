package org.tongban.health.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.health.Programme;
import org.tongban.person.Resident;
import org.tongban.shared.RegionCode;

/**
 * The services due to a managed resident, written with their facts: scheduled once (an item is unique within its
 * enrolment), and — for generated demo data only — a past management with most of its closed services done.
 */
@Component
public class ServiceItems {

  private final JdbcClient jdbc;
  private final PublicHealthFacts facts;

  ServiceItems(JdbcClient jdbc, PublicHealthFacts facts) {
    this.jdbc = jdbc;
    this.facts = facts;
  }

  /** Writes the items not there yet and counts them due; returns how many were new. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int schedule(UUID enrolment, UUID patient, Programme p, RegionCode region, List<Programme.Due> items,
                      boolean generated) {
    var added = new ArrayList<Programme.Due>();
    for (var d : items) {
      if (jdbc.sql("""
              insert into health.phs_item (id, enrolment, patient, programme, item, label_zh, label_en, region_code,
                window_from, window_to, generated) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
          .params(UUID.randomUUID(), enrolment, patient, p.name(), d.item(), d.labelZh(), d.labelEn(), region.value(),
              d.from(), d.to(), generated)
          .update() == 1) {
        added.add(d);
      }
    }
    facts.scheduled(p, region, added, 1);
    return added.size();
  }

  /**
   * Generated demo data only: {@code person} (a generated resident) managed in {@code p} since {@code enrolledOn}, in
   * the past, each service whose window has closed done on a day in it with probability {@code doneShare} (the rest
   * left overdue). Marked generated like the person. False when the person is already managed in it.
   */
  @Transactional
  public boolean generated(Resident person, Programme p, LocalDate anchor, LocalDate enrolledOn, LocalDate today,
                        SplittableRandom random, double doneShare) {
    if (!person.generated()) throw new IllegalArgumentException("generated residents only");
    var id = UUID.randomUUID();
    var region = person.residenceRegion();
    if (jdbc.sql("insert into health.phs_enrolment (id, patient, programme, region_code, anchor, enrolled_on,"
            + " enrolled_by, generated) values (?, ?, ?, ?, ?, ?, 'generator', true) on conflict do nothing")
        .params(id, person.id().value(), p.name(), region.value(), anchor, enrolledOn).update() != 1) {
      return false;
    }
    facts.enrolled(p, region, enrolledOn, 1);
    schedule(id, person.id().value(), p, region, p.schedule(anchor, enrolledOn, null, today.getYear()), true);
    record Closed(UUID id, String item, LocalDate from, LocalDate to) {}
    for (var item : jdbc.sql("select id, item, window_from, window_to from health.phs_item where enrolment = ?"
        + " and window_to < ?").params(id, today).query((rs, i) -> new Closed(rs.getObject(1, UUID.class),
            rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))).list()) {
      if (random.nextDouble() >= doneShare) continue;
      var day = item.from().plusDays(random.nextLong(item.to().toEpochDay() - item.from().toEpochDay() + 1));
      jdbc.sql("update health.phs_item set status = 'DONE', done_on = ?, done_by = 'generator' where id = ?"
          + " and status = 'OPEN'").params(day, item.id()).update();
      facts.done(p, item.item(), region, item.from(), item.to(), day);
    }
    return true;
  }
}
