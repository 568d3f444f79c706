package org.tongban.health;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;
import org.tongban.person.PersonId;
import org.tongban.person.Residents;

/**
 * 传染病报告卡: a clinic reports a case of a notifiable disease (传染病防治法 art. 30) for a resident of its county — the
 * disease, how sure the diagnosis is, onset and diagnosis days. Checked (a disease the law lists, days in order and not
 * after today) and de-duplicated: the same person with the same disease and an onset within 30 days of a card already
 * in is refused, naming that card. Counted by the day it was reported and the township the patient lives in.
 */
@Service
@Transactional(readOnly = true)
public class CaseReports {

  /** Within this many days of an earlier onset, the same person's card for the same disease is a duplicate. */
  public static final int DUPLICATE_WINDOW_DAYS = 30;
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  public enum Status { SUSPECTED, CLINICAL, CONFIRMED, CARRIER }

  public record NewCaseReport(@Nullable String patient, @Nullable String disease, @Nullable Status status,
                              @Nullable LocalDate onset, @Nullable LocalDate diagnosed) {}

  public record CaseReport(UUID id, UUID patient, String disease, Status status, LocalDate onset, LocalDate diagnosed,
                           LocalDate reportedOn, String region, String reporter) {}

  private final JdbcClient jdbc;
  private final Residents residents;
  private final AuditTrail audit;

  CaseReports(JdbcClient jdbc, Residents residents, AuditTrail audit) {
    this.jdbc = jdbc;
    this.residents = residents;
    this.audit = audit;
  }

  @Transactional
  public CaseReport report(Clinic clinic, NewCaseReport r) {
    var today = LocalDate.now(CHINA);
    if (r.disease() == null || !jdbc.sql("select exists(select 1 from health.disease where code = ?)").param(r.disease())
        .query(Boolean.class).single()) {
      throw new HealthRefusals.UnknownDisease(String.valueOf(r.disease()));
    }
    if (r.status() == null) throw new HealthRefusals.Invalid("status");
    if (r.onset() == null || r.onset().isAfter(today)) throw new HealthRefusals.Invalid("onset");
    if (r.diagnosed() == null || r.diagnosed().isBefore(r.onset()) || r.diagnosed().isAfter(today)) {
      throw new HealthRefusals.Invalid("diagnosed");
    }
    UUID person;
    try {
      person = UUID.fromString(r.patient() == null ? "" : r.patient().replaceFirst("^Patient/", ""));
    } catch (IllegalArgumentException e) {
      throw new HealthRefusals.Invalid("patient");
    }
    var resident = residents.find(new PersonId(person)).orElseThrow(() -> new HealthRefusals.Invalid("patient"));
    if (!resident.residenceRegion().isWithin(clinic.county())) throw new HealthRefusals.OtherCounty(clinic.county().value());
    // One person's cards are checked under a lock of that person, so two clinics reporting at once make one card.
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("case-report:" + person)
        .query((rs, i) -> 1).list();
    var earlier = jdbc.sql("select id from health.case_report where patient = ? and disease = ? and onset between ? and ?"
            + " order by created_at limit 1")
        .params(person, r.disease(), r.onset().minusDays(DUPLICATE_WINDOW_DAYS), r.onset().plusDays(DUPLICATE_WINDOW_DAYS))
        .query(UUID.class).optional();
    if (earlier.isPresent()) throw new HealthRefusals.DuplicateReport(earlier.get().toString());
    var id = UUID.randomUUID();
    jdbc.sql("""
            insert into health.case_report (id, patient, disease, status, onset, diagnosed, reported_on, region_code,
              reporter, generated) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, person, r.disease(), r.status().name(), r.onset(), r.diagnosed(), today,
            resident.residenceRegion().value(), clinic.clientId(), resident.generated())
        .update();
    audit.record("health.case-reported", "case-report", id.toString(), resident.residenceRegion(),
        Map.of("disease", r.disease(), "status", r.status().name(), "clinic", clinic.clientId()));
    return new CaseReport(id, person, r.disease(), r.status(), r.onset(), r.diagnosed(), today,
        resident.residenceRegion().value(), clinic.clientId());
  }
}
