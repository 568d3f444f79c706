package org.tongban.employment;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.booking.BookableResources;
import org.tongban.booking.Booking;
import org.tongban.booking.BookingManagement;
import org.tongban.booking.NewResource;
import org.tongban.booking.OpeningHours;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;
import org.tongban.unit.AgentScope;
import org.tongban.unit.UnitAgents;

/**
 * 招聘会: the labour bureau holds a fair (on site or online) with a number of booths and of visitors; units book a booth
 * (their recruiters, acting for them) and seekers register for entry, both through the booking module — one booking
 * each, a QR ticket, check-in at the door with the booking's own check-in; results are counted from the bookings.
 */
@Service
@Transactional(readOnly = true)
public class JobFairs {

  static final String COLUMNS = "id, name, region_code, day, place, online, booth_resource, booth_slot, entry_resource,"
      + " entry_slot";

  /** A fair and its booking slots. */
  public record JobFair(UUID id, String name, RegionCode region, LocalDate day, String place, boolean online,
                        UUID boothResource, UUID boothSlot, UUID entryResource, UUID entrySlot) {}

  /** A fair with how full it is. */
  public record Listed(JobFair fair, int booths, int boothsBooked, int visitors, int visitorsRegistered) {}

  /** What a fair came to: booths taken, visitors registered, checked in, not come. */
  public record Results(JobFair fair, List<String> units, long registered, long checkedIn, long noShows) {}

  private final JdbcClient jdbc;
  private final BookableResources resources;
  private final BookingManagement bookings;
  private final UnitAgents agents;
  private final RegionDirectory regions;
  private final Jurisdiction jurisdiction;
  private final Callers callers;
  private final AuditTrail audit;

  JobFairs(JdbcClient jdbc, BookableResources resources, BookingManagement bookings, UnitAgents agents,
           RegionDirectory regions, Jurisdiction jurisdiction, Callers callers, AuditTrail audit) {
    this.jdbc = jdbc;
    this.resources = resources;
    this.bookings = bookings;
    this.agents = agents;
    this.regions = regions;
    this.jurisdiction = jurisdiction;
    this.callers = callers;
    this.audit = audit;
  }

  /** The labour bureau of the place holds a fair from 9:00 to 12:00 on {@code day}. */
  @Transactional
  public JobFair hold(@Nullable String name, @Nullable String region, @Nullable LocalDate day, @Nullable String place,
                      int booths, int visitors, boolean online) {
    if (name == null || name.isBlank() || name.length() > 60 || place == null || place.isBlank() || place.length() > 200
        || day == null || day.isBefore(Vacancies.today()) || booths < 1 || booths > 2000 || visitors < 1
        || visitors > 10_000) {
      throw new InvalidFair();
    }
    var at = regions.get(region == null ? "" : region).code();
    jurisdiction.require(at, MinimumWages.DEPARTMENT, Purpose.CAPTURE, "job-fair");
    var hours = OpeningHours.daily(LocalTime.of(9, 0), LocalTime.of(12, 0), 180);
    var booth = resources.open(new NewResource(name.strip() + "·展位", "jobfair.booth", at, MinimumWages.DEPARTMENT, null,
        booths, 0, 1, 24));
    var entry = resources.open(new NewResource(name.strip() + "·入场", "jobfair.entry", at, MinimumWages.DEPARTMENT, null,
        visitors, 0, 1, 2));
    resources.openSlots(booth.id(), day, 1, hours);
    resources.openSlots(entry.id(), day, 1, hours);
    var id = UUID.randomUUID();
    jdbc.sql("insert into employment.job_fair (id, name, region_code, day, place, online, booth_resource, booth_slot,"
            + " entry_resource, entry_slot, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, name.strip(), at.value(), day, place.strip(), online, booth.id(),
            resources.slots(booth.id(), day).getFirst().id(), entry.id(), resources.slots(entry.id(), day).getFirst().id(),
            callers.current().name())
        .update();
    audit.record("employment.fair-held", "job-fair", id.toString(), at, Map.of("day", day.toString(),
        "booths", String.valueOf(booths), "visitors", String.valueOf(visitors)));
    return find(id);
  }

  /** Fairs from today on, soonest first, with how full they are (public). */
  public List<Listed> upcoming() {
    return jdbc.sql("select " + COLUMNS + " from employment.job_fair where day >= ? order by day, name limit 100")
        .param(Vacancies.today()).query(JobFairs::map).list().stream().map(f -> {
          var booth = resources.slots(f.boothResource(), f.day()).getFirst();
          var entry = resources.slots(f.entryResource(), f.day()).getFirst();
          return new Listed(f, booth.capacity(), booth.booked(), entry.capacity(), entry.booked());
        }).toList();
  }

  /** A seeker registers for entry: a booking with its QR ticket (我的预约). */
  @Transactional
  public Booking register(UUID fairId) {
    var caller = callers.current();
    if (caller.actingUnit() != null) throw new JobApplications.NotASeeker();
    return bookings.book(find(fairId).entrySlot());
  }

  /** A unit's recruiter, acting for it, books a booth for the unit (one per unit and fair). */
  @Transactional
  public Booking bookBooth(UUID fairId) {
    var fair = find(fairId);
    var unit = agents.require(AgentScope.RECRUIT);
    var booking = bookings.book(fair.boothSlot());
    try {
      jdbc.sql("insert into employment.fair_booth (fair_id, unit_id, unit_name, booking_id, booked_by) values (?, ?, ?, ?, ?)")
          .params(fairId, unit.id(), unit.name(), booking.id(), callers.current().name()).update();
    } catch (DuplicateKeyException e) {
      throw new BoothTaken();
    }
    audit.record("employment.booth-booked", "job-fair", fairId.toString(), fair.region(), Map.of("unit", unit.creditCode()));
    return booking;
  }

  /** What the fair came to, for the labour bureau of its place. */
  public Results results(UUID fairId) {
    var fair = find(fairId);
    jurisdiction.require(fair.region(), MinimumWages.DEPARTMENT, Purpose.VIEW, "job-fair");
    var units = jdbc.sql("select unit_name from employment.fair_booth where fair_id = ? order by booked_at")
        .param(fairId).query(String.class).list();
    var counts = bookings.counts(fair.entrySlot());
    long registered = counts.get(Booking.Status.CONFIRMED) + counts.get(Booking.Status.CHECKED_IN)
        + counts.get(Booking.Status.NO_SHOW);
    return new Results(fair, units, registered, counts.get(Booking.Status.CHECKED_IN), counts.get(Booking.Status.NO_SHOW));
  }

  public JobFair find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from employment.job_fair where id = ?").param(id).query(JobFairs::map)
        .optional().orElseThrow(() -> new FairNotFound(id));
  }

  static JobFair map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new JobFair(rs.getObject(1, UUID.class), rs.getString(2), new RegionCode(rs.getString(3)),
        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getBoolean(6), rs.getObject(7, UUID.class),
        rs.getObject(8, UUID.class), rs.getObject(9, UUID.class), rs.getObject(10, UUID.class));
  }

  public static final class InvalidFair extends Refusal {
    public InvalidFair() {
      super("employment.invalid-fair", 400);
    }
  }

  public static final class FairNotFound extends Refusal {
    public FairNotFound(UUID id) {
      super("employment.fair-not-found", 404, id.toString());
    }
  }

  public static final class BoothTaken extends Refusal {
    public BoothTaken() {
      super("employment.booth-taken", 409);
    }
  }
}
