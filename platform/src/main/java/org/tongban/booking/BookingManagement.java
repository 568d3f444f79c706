package org.tongban.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.identity.ResidentAccounts;
import org.tongban.person.PersonId;
import org.tongban.shared.ReadableCode;

/**
 * Bookings of {@link BookableResources}' slots: residents
 * book, see and cancel their own bookings; staff check tickets in. The last place goes to exactly one person:
 * a booking takes it with {@code update … set booked = booked + 1 where booked < capacity} on one of the slot's
 * parts (up to 16), choosing a part no other booking holds at that moment, so a hot slot takes bookings in parallel.
 */
@Service
@Transactional(readOnly = true)
public class BookingManagement {

  static final ZoneId CHINA = BookableResources.CHINA;
  private static final String BOOKING_COLUMNS = "id, slot_id, resource_id, person, day, status, ticket, created_at,"
      + " cancelled_at, checked_in_at";

  private static final int PARTS = BookableResources.PARTS;
  private static final String SLOT_COLUMNS = BookableResources.SLOT_COLUMNS;

  private final JdbcClient jdbc;
  private final Jurisdiction jurisdiction;
  private final ResidentAccounts accounts;
  private final AuditTrail audit;
  private final BookableResources resources;
  private final ApplicationEventPublisher events;

  BookingManagement(JdbcClient jdbc, Jurisdiction jurisdiction, ResidentAccounts accounts, AuditTrail audit,
                    BookableResources resources, ApplicationEventPublisher events) {
    this.events = events;
    this.resources = resources;
    this.jdbc = jdbc;
    this.jurisdiction = jurisdiction;
    this.accounts = accounts;
    this.audit = audit;
  }

  /**
   * Books one place in a slot for the signed-in resident. Refuses a slot that is full or has started, a second
   * booking of the same slot, and more bookings on one day than the resource allows.
   */
  @Transactional
  public Booking book(UUID slotId) {
    return book(slotId, null);
  }

  /**
   * As {@link #book(UUID)}; with an idempotency key, the same request sent again (the same key from the same person,
   * say after an answer lost on a village station's line) gets the booking the first one made instead of "already
   * booked", and a key already used for another slot is refused.
   */
  @Transactional
  public Booking book(UUID slotId, @Nullable String idempotencyKey) {
    PersonId person = accounts.currentPerson().orElseThrow(BookingRefusals.NotAResident::new);
    // One person's bookings are made one at a time (under a lock on the person): two parallel requests of the same
    // person can neither both pass the daily limit nor both use one key.
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(person.toString()).query(Object.class).single();
    if (idempotencyKey != null) {
      var first = jdbc.sql("select " + BOOKING_COLUMNS + " from booking.booking where person = ? and idempotency_key = ?")
          .params(person.value(), idempotencyKey).query(BookingManagement::mapBooking).optional();
      if (first.isPresent()) {
        if (!first.get().slot().equals(slotId)) throw new BookingRefusals.KeyReused();
        return first.get();
      }
    }
    var slot = jdbc.sql("select " + SLOT_COLUMNS + " from booking.slot s where s.id = ?").param(slotId).query(BookableResources::mapSlot).optional()
        .orElseThrow(() -> new BookingRefusals.NotFound(slotId.toString()));
    if (!slot.startsAt().isAfter(Instant.now())) throw new BookingRefusals.SlotStarted();
    var resource = resources.resource(slot.resource());
    var day = LocalDate.ofInstant(slot.startsAt(), CHINA);
    long today = jdbc.sql("select count(*) from booking.booking where person = ? and resource_id = ? and day = ?"
            + " and status in ('CONFIRMED', 'CHECKED_IN')")
        .params(person.value(), resource.id(), day).query(Long.class).single();
    if (today >= resource.dailyLimit()) throw new BookingRefusals.DailyLimit(resource.dailyLimit());
    var suspendedUntil = suspendedUntil(person);
    if (suspendedUntil != null) throw new BookingRefusals.Suspended(suspendedUntil);
    int part = takePlace(slotId);
    var booking = new Booking(UUID.randomUUID(), slotId, resource.id(), person, day, Booking.Status.CONFIRMED,
        ReadableCode.random(12), Instant.now(), null, null);
    try {
      jdbc.sql("insert into booking.booking (id, slot_id, resource_id, person, day, status, ticket, part, idempotency_key)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(booking.id(), slotId, resource.id(), person.value(), day, booking.status().name(), booking.ticket(), part,
              idempotencyKey)
          .update();
    } catch (DuplicateKeyException e) {
      throw new BookingRefusals.AlreadyBooked();
    }
    audit.record("booking.booked", "booking", booking.id().toString(), resource.region(), Map.of("slot", slotId.toString()));
    events.publishEvent(new BookingChanged(booking.id()));
    return booking;
  }

  /**
   * Takes one place of a slot and returns the part it came from. First a part with a free place that no other
   * booking is taking right now (skip locked); when every free part is being taken, it waits for one of them and
   * checks again after that booking committed. Refuses with {@link SlotFull} when no part has a place.
   */
  private int takePlace(UUID slotId) {
    for (int attempt = 0; attempt < PARTS + 1; attempt++) {
      // The pick is materialised: joined as a plain subquery, the planner may run it again for every part row
      // with a new random order, and one booking then took two places.
      var free = jdbc.sql("with f as materialized (select part from booking.slot_part where slot_id = ?"
              + " and booked < capacity order by random() limit 1 for update skip locked)"
              + " update booking.slot_part p set booked = p.booked + 1 from f"
              + " where p.slot_id = ? and p.part = f.part returning p.part")
          .params(slotId, slotId).query(Integer.class).optional();
      if (free.isPresent()) return free.get();
      var busy = jdbc.sql("select part from booking.slot_part where slot_id = ? and booked < capacity"
          + " order by random() limit 1").param(slotId).query(Integer.class).optional();
      if (busy.isEmpty()) throw new BookingRefusals.SlotFull();
      var waited = jdbc.sql("update booking.slot_part set booked = booked + 1 where slot_id = ? and part = ?"
          + " and booked < capacity returning part").params(slotId, busy.get()).query(Integer.class).optional();
      if (waited.isPresent()) return waited.get();
    }
    throw new BookingRefusals.SlotFull();
  }

  /** No-shows within this many days count towards a suspension. */
  public static final int NO_SHOW_WINDOW_DAYS = 30;
  /** This many no-shows within the window suspend booking … */
  public static final int NO_SHOW_LIMIT = 3;
  /** … for this many days after the last one. */
  public static final int SUSPENSION_DAYS = 14;

  /**
   * The day until which a person may not book because they did not come {@link #NO_SHOW_LIMIT} times within
   * {@link #NO_SHOW_WINDOW_DAYS} days; null when they may book.
   */
  public @Nullable LocalDate suspendedUntil(PersonId person) {
    var row = jdbc.sql("select count(*), max(s.ends_at) from booking.booking b join booking.slot s on s.id = b.slot_id"
            + " where b.person = ? and b.status = 'NO_SHOW' and s.ends_at > ?")
        .params(person.value(), Timestamp.from(Instant.now().minus(Duration.ofDays(NO_SHOW_WINDOW_DAYS))))
        .query((rs, i) -> new Object[] {rs.getLong(1), rs.getTimestamp(2)}).single();
    if ((long) row[0] < NO_SHOW_LIMIT) return null;
    var until = LocalDate.ofInstant(((Timestamp) row[1]).toInstant(), CHINA).plusDays(SUSPENSION_DAYS);
    return until.isAfter(LocalDate.now(CHINA)) ? until : null;
  }

  /** Marks confirmed bookings whose slot ended more than 30 minutes ago without check-in as no-shows. */
  @Transactional
  public int markNoShows() {
    var marked = jdbc.sql("update booking.booking b set status = 'NO_SHOW' from booking.slot s where s.id = b.slot_id"
        + " and b.status = 'CONFIRMED' and s.ends_at < now() - interval '30 minutes' returning b.id")
        .query(UUID.class).list();
    marked.forEach(id -> events.publishEvent(new BookingChanged(id)));
    return marked.size();
  }

  /** The signed-in resident's bookings with their resource and times, newest first. */
  public List<BookingLine> myLines() {
    PersonId person = accounts.currentPerson().orElseThrow(BookingRefusals.NotAResident::new);
    var facilityNames = new java.util.HashMap<UUID, @org.jspecify.annotations.Nullable String>();
    return jdbc.sql("select b.id, b.slot_id, b.resource_id, b.person, b.day, b.status, b.ticket, b.created_at,"
            + " b.cancelled_at, b.checked_in_at, r.name, r.facility_id, s.starts_at, s.ends_at, r.fee_cents, s.extended"
            + " from booking.booking b join booking.slot s on s.id = b.slot_id join booking.resource r on r.id = b.resource_id"
            + " where b.person = ? order by s.starts_at desc limit 100")
        .param(person.value())
        .query((rs, i) -> {
          var facility = rs.getObject(12, UUID.class);
          return new BookingLine(mapBooking(rs, i), rs.getString(11), facility,
              facility == null ? null : facilityNames.computeIfAbsent(facility, f -> resources.facilityName(f).orElse(null)),
              rs.getTimestamp(13).toInstant(), rs.getTimestamp(14).toInstant(), rs.getInt(15), rs.getBoolean(16));
        })
        .list();
  }

  /** The QR code of the resident's own ticket (PNG); it carries the ticket code the check-in desk reads. */
  public byte[] ticketQr(UUID bookingId) {
    PersonId person = accounts.currentPerson().orElseThrow(BookingRefusals.NotAResident::new);
    var booking = find(bookingId).filter(b -> b.person().equals(person))
        .orElseThrow(() -> new BookingRefusals.NotFound(bookingId.toString()));
    return new org.tongban.shared.QrCode(booking.ticket()).png(240);
  }

  /**
   * How many bookings of a slot are in each state, for staff whose jurisdiction covers the resource (results of an
   * event: registered, checked in, no-shows).
   */
  public java.util.Map<Booking.Status, Long> counts(UUID slotId) {
    var resourceId = jdbc.sql("select resource_id from booking.slot where id = ?").param(slotId).query(UUID.class)
        .optional().orElseThrow(() -> new BookingRefusals.NotFound(slotId.toString()));
    var resource = resources.resource(resourceId);
    jurisdiction.require(resource.region(), resource.department(), org.tongban.access.Purpose.VIEW, "resource");
    var counts = new java.util.EnumMap<Booking.Status, Long>(Booking.Status.class);
    for (var status : Booking.Status.values()) counts.put(status, 0L);
    jdbc.sql("select status, count(*) from booking.booking where slot_id = ? group by status").param(slotId)
        .query((rs, i) -> counts.put(Booking.Status.valueOf(rs.getString(1)), rs.getLong(2))).list();
    return counts;
  }

  /** The signed-in resident's bookings, newest first. */
  public List<Booking> mine() {
    PersonId person = accounts.currentPerson().orElseThrow(BookingRefusals.NotAResident::new);
    return jdbc.sql("select " + BOOKING_COLUMNS + " from booking.booking where person = ? order by created_at desc limit 100")
        .param(person.value()).query(BookingManagement::mapBooking).list();
  }

  /** Cancels the resident's own booking, up to the resource's cancellation hours before the slot starts. */
  @Transactional
  public Booking cancel(UUID bookingId) {
    PersonId person = accounts.currentPerson().orElseThrow(BookingRefusals.NotAResident::new);
    var booking = find(bookingId).filter(b -> b.person().equals(person))
        .orElseThrow(() -> new BookingRefusals.NotFound(bookingId.toString()));
    if (booking.status() != Booking.Status.CONFIRMED) throw new BookingRefusals.NotCancellable();
    var resource = resources.resource(booking.resource());
    var startsAt = jdbc.sql("select starts_at from booking.slot where id = ?").param(booking.slot())
        .query(Timestamp.class).single().toInstant();
    if (Instant.now().plus(Duration.ofHours(resource.cancelHours())).isAfter(startsAt)) throw new BookingRefusals.NotCancellable();
    int changed = jdbc.sql("update booking.booking set status = 'CANCELLED', cancelled_at = now() where id = ?"
        + " and status = 'CONFIRMED'").param(bookingId).update();
    if (changed == 0) throw new BookingRefusals.NotCancellable();
    audit.record("booking.cancelled", "booking", bookingId.toString(), resource.region(), Map.of());
    events.publishEvent(new BookingChanged(bookingId));
    jdbc.sql("update booking.slot_part set booked = booked - 1 where slot_id = ? and booked > 0 and part ="
        + " (select part from booking.booking where id = ?)").params(booking.slot(), bookingId).update();
    return find(bookingId).orElseThrow();
  }

  /** Staff check a ticket in; the resource must be in their jurisdiction, otherwise the ticket is "not found". */
  @Transactional
  public Booking checkIn(String ticket) {
    var booking = jdbc.sql("select " + BOOKING_COLUMNS + " from booking.booking where ticket = ?")
        .param(ticket.strip().toUpperCase()).query(BookingManagement::mapBooking).optional()
        .orElseThrow(() -> new BookingRefusals.NotFound(ticket));
    var resource = resources.resource(booking.resource());
    jurisdiction.require(resource.region(), resource.department(), Purpose.CAPTURE, "booking");
    if (booking.status() != Booking.Status.CONFIRMED) throw new BookingRefusals.NotCheckable(booking.status().name());
    // Guarded: two desks scanning the same ticket at once check it in once; the second is told it already was.
    int checked = jdbc.sql("update booking.booking set status = 'CHECKED_IN', checked_in_at = now() where id = ?"
        + " and status = 'CONFIRMED'").param(booking.id()).update();
    if (checked == 0) throw new BookingRefusals.NotCheckable(find(booking.id()).orElseThrow().status().name());
    audit.record("booking.checked-in", "booking", booking.id().toString(), resource.region(), Map.of());
    events.publishEvent(new BookingChanged(booking.id()));
    return find(booking.id()).orElseThrow();
  }

  private Optional<Booking> find(UUID id) {
    return jdbc.sql("select " + BOOKING_COLUMNS + " from booking.booking where id = ?").param(id)
        .query(BookingManagement::mapBooking).optional();
  }

  private static Booking mapBooking(ResultSet rs, int i) throws SQLException {
    return new Booking(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
        new PersonId(rs.getObject(4, UUID.class)), rs.getObject(5, LocalDate.class),
        Booking.Status.valueOf(rs.getString(6)), rs.getString(7), rs.getTimestamp(8).toInstant(),
        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
        rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant());
  }
}
