package org.tongban.health;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.health.internal.AccessLog;
import org.tongban.health.internal.ReadingWriter;
import org.tongban.health.internal.RecordReader;
import org.tongban.person.PersonId;
import org.tongban.person.Resident;
import org.tongban.person.Residents;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.IdNumber;

/**
 * A resident's record for the health staff of her region (a village doctor, a township health centre): found by the
 * ID number she shows, read — the look logged on her record like a clinic's — and a reading entered, stored as the
 * FHIR Observation a clinic's system would send. Outside the staff member's jurisdiction the resident is "not found".
 */
@Service
@Transactional(readOnly = true)
public class StaffRecords {

  /** What the staff page shows: who she is (ID number masked) and her record, newest first. */
  public record Chart(UUID patient, String name, String idNumberMasked, IdNumber.Sex sex, int age, String region,
                      boolean generated, List<RecordEntry> entries) {}

  /** A reading as typed: the second value is the diastolic pressure; no day means today. */
  public record NewReading(@Nullable Reading kind, @Nullable BigDecimal value, @Nullable BigDecimal second,
                           @Nullable LocalDate day, @Nullable String note) {}

  private final Residents residents;
  private final Jurisdiction jurisdiction;
  private final Callers callers;
  private final RecordReader reader;
  private final ReadingWriter writer;
  private final AccessLog log;
  private final AuditTrail audit;
  private final RegionDirectory regions;

  StaffRecords(Residents residents, Jurisdiction jurisdiction, Callers callers, RecordReader reader,
               ReadingWriter writer, AccessLog log, AuditTrail audit, RegionDirectory regions) {
    this.residents = residents;
    this.jurisdiction = jurisdiction;
    this.callers = callers;
    this.reader = reader;
    this.writer = writer;
    this.log = log;
    this.audit = audit;
    this.regions = regions;
  }

  /** The resident with this ID number, when she lives in the caller's jurisdiction. */
  public UUID find(@Nullable String idNumber) {
    if (idNumber == null || idNumber.isBlank()) throw new HealthRefusals.Invalid("idNumber");
    Resident person;
    try {
      person = residents.lookup(new IdNumber(idNumber.strip().toUpperCase()))
          .orElseThrow(() -> new HealthRefusals.NotFound("patient"));
    } catch (IdNumber.InvalidIdNumber invalid) {
      throw new HealthRefusals.Invalid("idNumber");
    }
    if (!jurisdiction.allows(person.residenceRegion(), PublicHealth.DEPARTMENT, Purpose.VIEW)) {
      throw new HealthRefusals.NotFound("patient");
    }
    return person.id().value();
  }

  /** Her record, newest first (at most 200 entries); the look is logged on it. */
  public Chart chart(UUID patient) {
    var person = resident(patient, Purpose.VIEW);
    var entries = reader.entries(patient, 200);
    log.record(List.of(patient), AccessLog.Action.READ, "健康档案（工作台）", actor());
    return new Chart(patient, person.name(), person.idNumberMasked(), person.sex(), person.ageOn(PublicHealth.today()),
        person.residenceRegion().value(), person.generated(), entries);
  }

  /** A reading on her record: in the device's range, on a day not after today nor more than a year ago. */
  @Transactional
  public RecordEntry record(UUID patient, NewReading r) {
    var person = resident(patient, Purpose.CAPTURE);
    if (r.kind() == null) throw new HealthRefusals.Invalid("reading");
    var kind = r.kind();
    inRange(kind, r.value(), kind.min(), kind.max(),
        kind.paired() ? "收缩压 (systolic)" : kind.label(false) + " (" + kind.label(true).toLowerCase() + ")");
    if (kind.paired()) {
      inRange(kind, r.second(), kind.secondMin(), kind.secondMax(), "舒张压 (diastolic)");
      if (r.second().compareTo(r.value()) >= 0) throw new HealthRefusals.Invalid("second");
    }
    var today = PublicHealth.today();
    var day = r.day() == null ? today : r.day();
    if (day.isAfter(today) || day.isBefore(today.minusYears(1))) throw new HealthRefusals.Invalid("readingDay");
    if (r.note() != null && r.note().length() > 500) throw new HealthRefusals.Invalid("note");
    var entry = writer.write(person, kind, r.value(), kind.paired() ? r.second() : null, day, r.note(), actor());
    audit.record("health.reading-recorded", "health-record", entry.id().toString(), person.residenceRegion(),
        Map.of("reading", kind.name(), "day", day.toString()));
    return entry;
  }

  private static void inRange(Reading kind, @Nullable BigDecimal value, @Nullable BigDecimal min,
                              @Nullable BigDecimal max, String what) {
    if (value == null || min == null || max == null || value.compareTo(min) < 0 || value.compareTo(max) > 0
        || value.scale() > 2) {
      throw new HealthRefusals.OutOfRange(what, String.valueOf(min), String.valueOf(max), kind.unit());
    }
  }

  private Resident resident(UUID patient, Purpose purpose) {
    var person = residents.find(new PersonId(patient)).orElseThrow(() -> new HealthRefusals.NotFound("patient"));
    if (!jurisdiction.allows(person.residenceRegion(), PublicHealth.DEPARTMENT, purpose)) {
      throw new HealthRefusals.NotFound("patient");
    }
    return person;
  }

  private AccessLog.Actor actor() {
    var where = jurisdiction.widestRegion();
    return ReadingWriter.staff(callers.current().name(), where == null ? "—" : regions.fullName(where));
  }
}
