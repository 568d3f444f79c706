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

  /** Whether generated (demo) resources were opened already. */
  public boolean anyGenerated() {
    return jdbc.sql("select exists(select 1 from booking.resource where generated)").query(Boolean.class).single();
  }

  /**
   * Demo data: opens generated resources (marked generated, named with "（生成）") for facilities and their slots from
   * {@code from} for {@code days} days at {@code starts}, set-based. Called by the demo's start-up, not by people, so
   * it checks no jurisdiction; does nothing when generated resources exist already. Returns the slots opened.
   */
  @Transactional
  public int openGenerated(List<NewResource> list, LocalDate from, int days, List<java.time.LocalTime> starts,
                           int slotMinutes) {
    if (anyGenerated()) return 0;
    var ids = new java.util.ArrayList<UUID>();
    for (var r : list) {
      if (r.facility() == null) continue;
      var owner = owners.stream().map(o -> o.owner(r.facility())).flatMap(java.util.Optional::stream).findFirst();
      if (owner.isEmpty()) continue;
      var id = UUID.randomUUID();
      jdbc.sql("insert into booking.resource (id, name, kind, region_code, department, facility_id, slot_capacity,"
              + " fee_cents, daily_limit, cancel_hours, generated) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)")
          .params(id, r.name(), r.kind(), owner.get().region().value(), owner.get().department(), r.facility(),
              r.slotCapacity(), r.feeCents(), r.dailyLimit(), r.cancelHours())
          .update();
      ids.add(id);
    }
    if (ids.isEmpty()) return 0;
    int slots = jdbc.sql("insert into booking.slot (id, resource_id, starts_at, ends_at, capacity, extended)"
            + " select gen_random_uuid(), r.id, (d + t.start) at time zone 'Asia/Shanghai',"
            + " (d + t.start + make_interval(mins => ?)) at time zone 'Asia/Shanghai', r.slot_capacity, false"
            + " from booking.resource r, generate_series(?::date, ?::date, interval '1 day') d, unnest(?::time[]) t(start)"
            + " where r.id = any(?) on conflict (resource_id, starts_at) do nothing")
        .params(slotMinutes, from, from.plusDays(days - 1L),
            starts.stream().map(java.sql.Time::valueOf).toArray(java.sql.Time[]::new), ids.toArray(UUID[]::new))
        .update();
    jdbc.sql("insert into booking.slot_part (slot_id, part, capacity) select s.id, g,"
            + " s.capacity / least(s.capacity, ?) + case when g < s.capacity % least(s.capacity, ?) then 1 else 0 end"
            + " from booking.slot s cross join lateral generate_series(0, least(s.capacity, ?) - 1) g"
            + " where s.resource_id = any(?)")
        .params(PARTS, PARTS, PARTS, ids.toArray(UUID[]::new)).update();
    return slots;
  }

  /** A fee typed in yuan ("0", "15", "12.50") as fen; refuses what is not a fee. */
  public static int cents(String yuan) {
    return (int) org.tongban.shared.Yuan.cents(yuan, 10_000).orElseThrow(BookingRefusals.InvalidResource::new);
  }

  /** A kind of resource the page does not offer. */
  public static final class UnknownKind extends org.tongban.shared.Refusal {
    public UnknownKind(String kind) {
      super("booking.invalid-resource", 400, kind);
    }
  }

  /** The name of the facility a resource belongs to, from the module that keeps facilities. */
  public java.util.Optional<String> facilityName(UUID facility) {
    return owners.stream().map(o -> o.owner(facility)).flatMap(java.util.Optional::stream).findFirst()
        .map(ResourceOwners.Owner::name);
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
