package org.tongban.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.booking.spi.ResourceOwners;
import org.tongban.shared.RegionCode;

/**
 * What can be booked: staff open resources (a court, a reading room, a museum's guided tour) within their region and
 * department, for a facility or on their own, and open their slots by opening hours; anyone may look at them. The
 * bookings themselves are {@link BookingManagement}'s.
 */
@Service
@Transactional(readOnly = true)
public class BookableResources {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final String RESOURCE_COLUMNS = "id, name, kind, region_code, department, facility_id, slot_capacity,"
      + " fee_cents, daily_limit, cancel_hours, generated";
  /** Most part rows a slot's places are split over: bookings of one slot can commit this many at a time. */
  static final int PARTS = 16;
  static final String SLOT_COLUMNS = "s.id, s.resource_id, s.starts_at, s.ends_at, s.capacity,"
      + " (select coalesce(sum(p.booked), 0) from booking.slot_part p where p.slot_id = s.id), s.extended";

  private final JdbcClient jdbc;
  private final Jurisdiction jurisdiction;
  private final AuditTrail audit;
  private final List<ResourceOwners> owners;

  BookableResources(JdbcClient jdbc, Jurisdiction jurisdiction, AuditTrail audit, List<ResourceOwners> owners) {
    this.jdbc = jdbc;
    this.jurisdiction = jurisdiction;
    this.audit = audit;
    this.owners = owners;
  }

  /**
   * Opens a bookable resource. For a facility it takes the facility's region and department, and the caller must be
   * allowed to capture there (a resource attached to another county's facility was possible before); otherwise the
   * given region and department. Refuses an unknown facility as "not found".
   */
  @Transactional
  public BookableResource open(NewResource r) {
    RegionCode region = r.region();
    String department = r.department();
    if (r.facility() != null) {
      var owner = owners.stream().map(o -> o.owner(r.facility())).flatMap(java.util.Optional::stream).findFirst()
          .orElseThrow(() -> new BookingRefusals.NotFound(r.facility().toString()));
      region = owner.region();
      department = owner.department();
    }
    if (region == null || department == null || department.isBlank()) throw new BookingRefusals.InvalidResource();
    jurisdiction.require(region, department, Purpose.CAPTURE, "resource");
    if (r.name().isBlank() || r.name().length() > 100 || r.slotCapacity() < 1 || r.slotCapacity() > 10_000
        || r.feeCents() < 0 || r.dailyLimit() < 1 || r.cancelHours() < 0 || !r.kind().matches("[a-z]+\\.[a-z0-9-]+")) {
      throw new BookingRefusals.InvalidResource();
    }
    var resource = new BookableResource(UUID.randomUUID(), r.name().strip(), r.kind(), region, department, r.facility(),
        r.slotCapacity(), r.feeCents(), r.dailyLimit(), r.cancelHours(), false);
    jdbc.sql("insert into booking.resource (id, name, kind, region_code, department, facility_id, slot_capacity,"
            + " fee_cents, daily_limit, cancel_hours) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(resource.id(), resource.name(), resource.kind(), region.value(), department, r.facility(),
            r.slotCapacity(), r.feeCents(), r.dailyLimit(), r.cancelHours())
        .update();
    audit.record("booking.resource-opened", "resource", resource.id().toString(), region, Map.of("name", resource.name(),
        "department", department));
    return resource;
  }

  /** Creates the slots of {@code days} days from {@code from} by the opening hours; existing slots are kept. */
  @Transactional
  public int openSlots(UUID resourceId, LocalDate from, int days, OpeningHours hours) {
    var resource = resource(resourceId);
    jurisdiction.require(resource.region(), resource.department(), Purpose.CAPTURE, "resource");
    var today = LocalDate.now(CHINA);
    // Slots are opened for the weeks ahead: from yesterday to two years on, for at most 92 days.
    if (days < 1 || days > 92 || from.isBefore(today.minusDays(1)) || from.isAfter(today.plusYears(2))) {
      throw new BookingRefusals.InvalidDates();
    }
    int created = 0;
    for (int d = 0; d < Math.min(days, 92); d++) {
      var day = from.plusDays(d);
      if (!hours.days().contains(day.getDayOfWeek())) continue;
      for (var start : hours.starts()) {
        var startsAt = day.atTime(start.at()).atZone(CHINA).toInstant();
        var slotId = UUID.randomUUID();
        int inserted = jdbc.sql("insert into booking.slot (id, resource_id, starts_at, ends_at, capacity, extended)"
                + " values (?, ?, ?, ?, ?, ?) on conflict (resource_id, starts_at) do nothing")
            .params(slotId, resourceId, Timestamp.from(startsAt),
                Timestamp.from(startsAt.plus(Duration.ofMinutes(hours.slotMinutes()))), resource.slotCapacity(),
                start.extended())
            .update();
        if (inserted == 1) {
          int capacity = resource.slotCapacity();
          int parts = Math.min(capacity, PARTS);
          jdbc.sql("insert into booking.slot_part (slot_id, part, capacity) select ?, g, ? / ? + case when g < ? % ? then 1"
                  + " else 0 end from generate_series(0, ? - 1) g")
              .params(slotId, capacity, parts, capacity, parts, parts).update();
        }
        created += inserted;
      }
    }
    return created;
  }

  public BookableResource resource(UUID id) {
    return jdbc.sql("select " + RESOURCE_COLUMNS + " from booking.resource where id = ?").param(id)
        .query(BookableResources::mapResource).optional().orElseThrow(() -> new BookingRefusals.NotFound(id.toString()));
  }

  /** The slots of a resource on a day, with their free places (public: anyone may look). */
  public List<Slot> slots(UUID resourceId, LocalDate day) {
    if (day.getYear() < 2000 || day.getYear() > 2200) throw new BookingRefusals.InvalidDates();
    var start = day.atStartOfDay(CHINA).toInstant();
    return jdbc.sql("select " + SLOT_COLUMNS + " from booking.slot s"
            + " where s.resource_id = ? and s.starts_at >= ? and s.starts_at < ? order by s.starts_at")
        .params(resourceId, Timestamp.from(start), Timestamp.from(start.plus(Duration.ofDays(1))))
        .query(BookableResources::mapSlot).list();
  }

  /** The bookable resources of a facility (public). */
  public List<BookableResource> resourcesOf(UUID facility) {
    return jdbc.sql("select " + RESOURCE_COLUMNS + " from booking.resource where facility_id = ? order by name, id")
        .param(facility).query(BookableResources::mapResource).list();
  }

  private static BookableResource mapResource(ResultSet rs, int i) throws SQLException {
    return new BookableResource(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("kind"),
        new RegionCode(rs.getString("region_code")), rs.getString("department"), rs.getObject("facility_id", UUID.class),
        rs.getInt("slot_capacity"), rs.getInt("fee_cents"), rs.getInt("daily_limit"), rs.getInt("cancel_hours"),
        rs.getBoolean("generated"));
  }

  static Slot mapSlot(ResultSet rs, int i) throws SQLException {
    return new Slot(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(),
        rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getInt(6), rs.getBoolean(7));
  }
}
