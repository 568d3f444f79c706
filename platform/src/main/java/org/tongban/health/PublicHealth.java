package org.tongban.health;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.health.internal.PublicHealthFacts;
import org.tongban.health.internal.ServiceItems;
import org.tongban.identity.ResidentAccounts;
import org.tongban.person.PersonId;
import org.tongban.person.Resident;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;
import org.tongban.shared.RegionCode;
import org.tongban.shared.ResultPage;

/**
 * 国家基本公共卫生服务 on the health record: a resident is enrolled in a {@link Programme} by the health staff of her
 * region (a village doctor, a township health centre) or by a clinic's system of her county, and every service the
 * national specification owes her is scheduled with its window; staff see what is due and overdue in their region
 * and record each service done (once: a guarded update); an overdue service is texted to the resident once; the
 * figures are indicator facts ({@link PublicHealthFacts}).
 */
@Service
@Transactional(readOnly = true)
public class PublicHealth {

  private static final Logger log = LoggerFactory.getLogger(PublicHealth.class);
  public static final String DEPARTMENT = "health";
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** Who to enrol: the registry id ({@code patient}) or the ID number shown at the counter; {@code since} as the programme needs. */
  public record NewEnrolment(@Nullable String patient, @Nullable String idNumber, @Nullable Programme programme,
                             @Nullable LocalDate since) {}

  public record Enrolment(UUID id, UUID patient, Programme programme, String region, LocalDate anchor,
                          LocalDate enrolledOn, @Nullable LocalDate deliveredOn, @Nullable LocalDate closedOn,
                          boolean generated) {}

  /** A service due, with the patient's name and masked ID number for the staff who do it. */
  public record Item(UUID id, UUID enrolment, UUID patient, String patientName, String idNumberMasked,
                     Programme programme, String item, String labelZh, String labelEn, String region, LocalDate from,
                     LocalDate to, String status, @Nullable LocalDate doneOn, boolean generated) {
    public boolean overdue(LocalDate today) {
      return status.equals("OPEN") && to.isBefore(today);
    }
  }

  /** Which open services a list shows: overdue, due now (window open), due within 30 days, or all of them. */
  public enum Due { OVERDUE, NOW, SOON, OPEN, DONE }

  private final JdbcClient jdbc;
  private final Residents residents;
  private final ResidentAccounts accounts;
  private final Clinics clinics;
  private final Jurisdiction jurisdiction;
  private final Callers callers;
  private final AuditTrail audit;
  private final PublicHealthFacts facts;
  private final ServiceItems items;

  PublicHealth(JdbcClient jdbc, Residents residents, ResidentAccounts accounts, Clinics clinics, Jurisdiction jurisdiction,
               Callers callers, AuditTrail audit, PublicHealthFacts facts, ServiceItems items) {
    this.items = items;
    this.jdbc = jdbc;
    this.residents = residents;
    this.accounts = accounts;
    this.clinics = clinics;
    this.jurisdiction = jurisdiction;
    this.callers = callers;
    this.audit = audit;
    this.facts = facts;
  }

  public static LocalDate today() {
    return LocalDate.now(CHINA);
  }

  @Transactional
  public Enrolment enrol(NewEnrolment e) {
    if (e.programme() == null) throw new HealthRefusals.Invalid("programme");
    var p = e.programme();
    var person = patient(e);
    allow(person.residenceRegion(), "patient");
    var today = today();
    LocalDate anchor = switch (p) {
      case CHILD -> person.birthDate();
      case ELDERLY -> LocalDate.of(today.getYear(), 1, 1);
      default -> e.since();
    };
    if (anchor == null || anchor.isAfter(today)) throw new HealthRefusals.Invalid("since");
    if (p == Programme.CHILD && Programme.age(person.birthDate(), today) >= 7) throw new HealthRefusals.Ineligible("age");
    if (p.minimumAge() > 0 && today.getYear() - person.birthDate().getYear() < p.minimumAge()) {
      throw new HealthRefusals.Ineligible("age");
    }
    if (p == Programme.PREGNANCY && (person.sex() != IdNumber.Sex.FEMALE || anchor.isBefore(today.minusWeeks(44)))) {
      throw new HealthRefusals.Ineligible(person.sex() != IdNumber.Sex.FEMALE ? "sex" : "since");
    }
    if (p == Programme.TUBERCULOSIS && anchor.isBefore(today.minusMonths(8))) throw new HealthRefusals.Invalid("since");
    var id = UUID.randomUUID();
    var region = person.residenceRegion();
    try {
      jdbc.sql("""
              insert into health.phs_enrolment (id, patient, programme, region_code, anchor, enrolled_on, enrolled_by,
                generated) values (?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(id, person.id().value(), p.name(), region.value(), anchor, today, callers.current().name(),
              person.generated())
          .update();
    } catch (DuplicateKeyException already) {
      throw new HealthRefusals.AlreadyEnrolled(p.label(false));
    }
    facts.enrolled(p, region, today, 1);
    items.schedule(id, person.id().value(), p, region, p.schedule(anchor, today, null, today.getYear()), person.generated());
    audit.record("health.phs-enrolled", "phs-enrolment", id.toString(), region, Map.of("programme", p.name()));
    return enrolment(id);
  }

  /** A pregnancy ended in a delivery on {@code day}: the antenatal visits still ahead are void, the postnatal ones due. */
  @Transactional
  public Enrolment deliver(UUID id, @Nullable LocalDate day) {
    var e = enrolment(id);
    allow(RegionCode.of(e.region()), "phs-enrolment");
    if (e.programme() != Programme.PREGNANCY) throw new HealthRefusals.Invalid("programme");
    if (day == null || day.isAfter(today()) || day.isBefore(e.anchor())) throw new HealthRefusals.Invalid("day");
    if (jdbc.sql("update health.phs_enrolment set delivered_on = ? where id = ? and delivered_on is null and closed_on is null")
        .params(day, id).update() != 1) {
      throw new HealthRefusals.WrongState(e.closedOn() != null ? "CLOSED" : "DELIVERED");
    }
    var region = RegionCode.of(e.region());
    voidOpen(e, region, day);
    var postnatal = e.programme().schedule(e.anchor(), e.enrolledOn(), day, day.getYear()).stream()
        .filter(d -> d.item().startsWith("PP")).toList();
    items.schedule(id, e.patient(), e.programme(), region, postnatal, e.generated());
    audit.record("health.phs-delivered", "phs-enrolment", id.toString(), region, Map.of("day", day.toString()));
    return enrolment(id);
  }

  /** Ends the management (moved away, recovered, died): the services still open are void. */
  @Transactional
  public Enrolment close(UUID id, @Nullable String reason) {
    var e = enrolment(id);
    allow(RegionCode.of(e.region()), "phs-enrolment");
    if (reason == null || reason.strip().length() < 2 || reason.length() > 500) throw new HealthRefusals.Invalid("reason");
    var today = today();
    if (jdbc.sql("update health.phs_enrolment set closed_on = ?, close_reason = ? where id = ? and closed_on is null")
        .params(today, reason.strip(), id).update() != 1) {
      throw new HealthRefusals.WrongState("CLOSED");
    }
    var region = RegionCode.of(e.region());
    voidOpen(e, region, null);
    facts.enrolled(e.programme(), region, today, -1);
    audit.record("health.phs-closed", "phs-enrolment", id.toString(), region, Map.of("reason", reason.strip()));
    return enrolment(id);
  }

  /** A service was done on {@code day} (not after today): once; a second time is refused. */
  @Transactional
  public Item done(UUID id, @Nullable LocalDate day, @Nullable String note) {
    var item = item(id);
    allow(RegionCode.of(item.region()), "phs-item");
    if (day == null || day.isAfter(today()) || day.isBefore(item.from().minusMonths(1))) throw new HealthRefusals.Invalid("day");
    if (note != null && note.length() > 1000) throw new HealthRefusals.Invalid("note");
    if (jdbc.sql("update health.phs_item set status = 'DONE', done_on = ?, done_by = ?, note = ? where id = ?"
            + " and status = 'OPEN'")
        .params(day, callers.current().name(), note == null || note.isBlank() ? null : note.strip(), id).update() != 1) {
      throw new HealthRefusals.WrongState(item.status());
    }
    facts.done(item.programme(), item.item(), RegionCode.of(item.region()), item.from(), item.to(), day);
    audit.record("health.phs-done", "phs-item", id.toString(), RegionCode.of(item.region()),
        Map.of("programme", item.programme().name(), "item", item.item(), "day", day.toString()));
    return item(id);
  }

  /** The services of the caller's jurisdiction within {@code region}, soonest deadline first. */
  public ResultPage<Item> due(RegionCode region, @Nullable Programme programme, Due which, int page, int size) {
    jurisdiction.require(region, DEPARTMENT, Purpose.VIEW, "region");
    var today = today();
    String condition = switch (which) {
      case OVERDUE -> "status = 'OPEN' and window_to < :today";
      case NOW -> "status = 'OPEN' and window_from <= :today and window_to >= :today";
      case SOON -> "status = 'OPEN' and window_from <= :soon and window_to >= :today";
      case OPEN -> "status = 'OPEN'";
      case DONE -> "status = 'DONE'";
    };
    String where = " where region_code like :region and " + condition + (programme == null ? "" : " and programme = :programme");
    var params = new HashMap<String, Object>();
    params.put("region", region.prefix() + "%");
    params.put("today", today);
    params.put("soon", today.plusDays(30));
    if (programme != null) params.put("programme", programme.name());
    int s = Math.max(1, Math.min(size, 200));
    int pg = Math.max(0, page);
    long total = jdbc.sql("select count(*) from health.phs_item" + where).params(params).query(Long.class).single();
    params.put("limit", s);
    params.put("offset", (long) pg * s);
    var rows = jdbc.sql(SELECT + where + (which == Due.DONE ? " order by done_on desc" : " order by window_to, id")
        + " limit :limit offset :offset").params(params).query(this::row).list();
    return new ResultPage<>(withNames(rows), pg, s, total);
  }

  /** The signed-in resident's own services, open first. */
  public List<Item> mine() {
    var person = accounts.currentPerson().orElseThrow(HealthRefusals.NotAResident::new);
    return withNames(jdbc.sql(SELECT + " where patient = :patient and status <> 'VOID' order by status = 'OPEN' desc,"
        + " window_to limit 100").param("patient", person.value()).query(this::row).list());
  }

  public Enrolment enrolment(UUID id) {
    var e = jdbc.sql("select id, patient, programme, region_code, anchor, enrolled_on, delivered_on, closed_on, generated"
            + " from health.phs_enrolment where id = ?").param(id)
        .query((rs, i) -> new Enrolment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            Programme.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, LocalDate.class),
            rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
            rs.getBoolean(9)))
        .optional().orElseThrow(() -> new HealthRefusals.NotFound("phs-enrolment " + id));
    jurisdictionOrClinic(RegionCode.of(e.region()), "phs-enrolment");
    return e;
  }

  public Item item(UUID id) {
    var row = jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::row).optional()
        .orElseThrow(() -> new HealthRefusals.NotFound("phs-item " + id));
    jurisdictionOrClinic(RegionCode.of(row.region()), "phs-item");
    return withNames(List.of(row)).getFirst();
  }

  /**
   * Texts each resident once about the services whose window closed before {@code today} and that were not done (one
   * text naming them all); the marks are set first (a guarded update), so two nodes never text twice. Returns how many
   * residents were texted.
   */
  @Transactional
  public int remind(LocalDate today) {
    var patients = jdbc.sql("select distinct patient from health.phs_item where status = 'OPEN' and window_to < ?"
        + " and reminded_at is null limit 1000").param(today).query(UUID.class).list();
    int sent = 0;
    for (var patient : patients) {
      var marked = jdbc.sql("update health.phs_item set reminded_at = now() where patient = ? and status = 'OPEN'"
              + " and window_to < ? and reminded_at is null returning label_zh")
          .params(patient, today).query(String.class).list();
      if (marked.isEmpty()) continue;
      try {
        if (accounts.text(new PersonId(patient), "【通办】您的" + String.join("、", marked) + "（国家基本公共卫生服务，免费）"
            + "已过期未做。请联系所在村卫生室或社区卫生服务中心预约，或登录通办「我的健康档案」查看。")) {
          sent++;
        }
      } catch (RuntimeException e) {
        log.warn("Public-health reminder not sent: {}", e.getMessage());
      }
    }
    return sent;
  }

  /** Schedules {@code year}'s services of every open enrolment of a yearly programme (once: the item is unique). */
  @Transactional
  public int extend(int year) {
    record Open(UUID id, UUID patient, Programme programme, RegionCode region, LocalDate anchor, LocalDate enrolledOn,
                boolean generated) {}
    // One read of the enrolments still lacking the year, locked (another node skips them; the items are unique anyway).
    var open = jdbc.sql("select id, patient, programme, region_code, anchor, enrolled_on, generated from"
            + " health.phs_enrolment where closed_on is null and programme in ('ELDERLY', 'HYPERTENSION', 'DIABETES')"
            + " and not exists (select 1 from health.phs_item i where i.enrolment = phs_enrolment.id and i.item = ?)"
            + " for update skip locked")
        .param("CHECK-" + year)
        .query((rs, i) -> new Open(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
            Programme.valueOf(rs.getString(3)), RegionCode.of(rs.getString(4)), rs.getObject(5, LocalDate.class),
            rs.getObject(6, LocalDate.class), rs.getBoolean(7)))
        .list();
    int added = 0;
    for (var e : open) {
      var due = e.programme().schedule(e.anchor(), e.enrolledOn(), null, year).stream()
          .filter(d -> d.to().getYear() == year).toList();
      added += items.schedule(e.id(), e.patient(), e.programme(), e.region(), due, e.generated());
    }
    return added;
  }

  /** The enrolment's open services (those whose window starts on or after {@code from}) become void, no longer due. */
  private void voidOpen(Enrolment e, RegionCode region, @Nullable LocalDate from) {
    var voided = jdbc.sql("update health.phs_item set status = 'VOID' where enrolment = ? and status = 'OPEN'"
            + " and window_from >= coalesce(?, window_from) returning item, label_zh, label_en, window_from, window_to")
        .params(e.id(), from)
        .query((rs, i) -> new Programme.Due(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class))).list();
    facts.scheduled(e.programme(), region, voided, -1);
  }

  private Resident patient(NewEnrolment e) {
    if (e.idNumber() != null && !e.idNumber().isBlank()) {
      try {
        return residents.lookup(new IdNumber(e.idNumber().strip().toUpperCase()))
            .orElseThrow(() -> new HealthRefusals.NotFound("patient"));
      } catch (IdNumber.InvalidIdNumber invalid) {
        throw new HealthRefusals.Invalid("idNumber");
      }
    }
    try {
      var id = UUID.fromString(e.patient() == null ? "" : e.patient().replaceFirst("^Patient/", ""));
      return residents.find(new PersonId(id)).orElseThrow(() -> new HealthRefusals.NotFound("patient"));
    } catch (IllegalArgumentException invalid) {
      throw new HealthRefusals.Invalid("patient");
    }
  }

  /** Writes: the health staff of the region (capture), or a clinic's system for its county. */
  private void allow(RegionCode region, String kind) {
    var caller = callers.current();
    if (caller.has("SCOPE_" + Clinics.WRITE)) {
      var clinic = clinics.find(caller.name()).orElseThrow(HealthRefusals.NotAClinic::new);
      if (!region.isWithin(clinic.county())) throw new HealthRefusals.OtherCounty(clinic.county().value());
      return;
    }
    jurisdiction.require(region, DEPARTMENT, Purpose.CAPTURE, kind);
  }

  /** Reads of one record: "not found" outside the caller's jurisdiction (or a clinic's county). */
  private void jurisdictionOrClinic(RegionCode region, String kind) {
    var caller = callers.current();
    if (caller.has("SCOPE_" + Clinics.WRITE)) {
      var clinic = clinics.find(caller.name()).orElseThrow(HealthRefusals.NotAClinic::new);
      if (!region.isWithin(clinic.county())) throw new HealthRefusals.NotFound(kind);
      return;
    }
    jurisdiction.require(region, DEPARTMENT, Purpose.VIEW, kind);
  }

  private List<Item> withNames(List<Item> rows) {
    var names = new HashMap<UUID, Resident>();
    for (var r : rows) names.computeIfAbsent(r.patient(), p -> residents.find(new PersonId(p)).orElse(null));
    return rows.stream().map(r -> {
      var who = names.get(r.patient());
      return new Item(r.id(), r.enrolment(), r.patient(), who == null ? "—" : who.name(),
          who == null ? "—" : who.idNumberMasked(), r.programme(), r.item(), r.labelZh(), r.labelEn(), r.region(),
          r.from(), r.to(), r.status(), r.doneOn(), r.generated());
    }).toList();
  }

  private static final String SELECT = "select id, enrolment, patient, programme, item, label_zh, label_en, region_code,"
      + " window_from, window_to, status, done_on, generated from health.phs_item";

  private Item row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Item(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), "", "",
        Programme.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
        rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class), rs.getString(11),
        rs.getObject(12, LocalDate.class), rs.getBoolean(13));
  }
}
