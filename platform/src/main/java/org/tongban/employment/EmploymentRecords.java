package org.tongban.employment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.audit.AuditTrail;
import org.tongban.casework.CaseDecided;
import org.tongban.casework.CaseQueries;
import org.tongban.employment.internal.EmploymentFacts;
import org.tongban.indicator.FactChange;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.person.Residents;
import org.tongban.shared.RegionCode;

/**
 * The employment service's record of work and unemployment. An approved 失业登记 opens an unemployment spell;
 * 就业登记 — a hire on the board, or an approved 就业登记 case for work found elsewhere — writes the employment, in the
 * same transaction as the decision or the hire (a failed decision leaves neither). It keeps what the person was when the work began (registered unemployed,
 * 就业困难人员) and ends an open unemployment spell, so that 城镇新增就业, 失业人员再就业, 就业困难人员实现就业 and 登记失业人数
 * change at once and recompute from these rows alone.
 */
@Component
class EmploymentRecords {

  static final String REGISTRATION_ITEM = "hrss.employment-registration";
  static final String UNEMPLOYMENT_ITEM = "hrss.unemployment-registration";

  private final JdbcClient jdbc;
  private final KeyGroups keyGroups;
  private final IndicatorManagement indicators;
  private final CaseQueries cases;
  private final Residents residents;
  private final AuditTrail audit;

  EmploymentRecords(JdbcClient jdbc, KeyGroups keyGroups, IndicatorManagement indicators, CaseQueries cases,
                    Residents residents, AuditTrail audit) {
    this.jdbc = jdbc;
    this.keyGroups = keyGroups;
    this.indicators = indicators;
    this.cases = cases;
    this.residents = residents;
    this.audit = audit;
  }

  /** Where and for whom the work is; {@code unitId}, {@code vacancyId}, {@code applicationId} when the board knows them. */
  record Work(UUID person, @Nullable UUID unitId, String unitName, @Nullable UUID vacancyId,
              @Nullable UUID applicationId, RegionCode region, LocalDate startsOn, boolean publicWelfare,
              String recordedBy) {}

  /** Writes the employment, ends an open unemployment spell, and counts both; returns the employment's id. */
  UUID record(Work work) {
    boolean difficulty = keyGroups.is(work.person(), KeyGroup.DIFFICULTY);
    var spell = jdbc.sql("select case_id, region_code from employment.unemployment_spell where person_id = ?"
            + " and ended_on is null for update").param(work.person())
        .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    var employment = UUID.randomUUID();
    jdbc.sql("insert into employment.employment (id, person_id, unit_id, unit_name, vacancy_id, application_id,"
            + " region_code, started_on, recorded_by, was_unemployed, was_difficulty, public_welfare)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(employment, work.person(), work.unitId(), work.unitName(), work.vacancyId(), work.applicationId(),
            work.region().value(), work.startsOn(), work.recordedBy(), spell.isPresent(), difficulty,
            work.publicWelfare())
        .update();
    var month = YearMonth.from(work.startsOn());
    var facts = new ArrayList<FactChange>();
    facts.add(new FactChange(EmploymentFacts.NEW_JOBS, work.region(), month, 1));
    if (spell.isPresent()) {
      // 失业人员再就业: the work ends the unemployment spell (guarded: only an open one).
      if (jdbc.sql("update employment.unemployment_spell set ended_on = ?, employment_id = ? where case_id = ?"
          + " and ended_on is null").params(work.startsOn(), employment, spell.get().getKey()).update() != 1) {
        throw new IllegalStateException("unemployment spell changed under a lock");
      }
      facts.add(new FactChange(EmploymentFacts.REEMPLOYED, work.region(), month, 1));
      facts.add(new FactChange(EmploymentFacts.REGISTERED_UNEMPLOYED, RegionCode.of(spell.get().getValue()), month, -1));
    }
    if (difficulty) facts.add(new FactChange(EmploymentFacts.DIFFICULTY_EMPLOYED, work.region(), month, 1));
    indicators.record(facts);
    return employment;
  }

  /**
   * An approved 就业登记 case records the work it names where the person lives — unless the board recorded the same
   * start already (a hire is 就业登记 by itself): then the case confirms it and nothing is counted twice.
   */
  @EventListener
  void on(CaseDecided decided) {
    if (!decided.approved()) return;
    if (UNEMPLOYMENT_ITEM.equals(decided.item())) unemployed(decided);
    if (REGISTRATION_ITEM.equals(decided.item())) employed(decided);
  }

  /** The person's own case (not a relative's, not a unit's), with the person. */
  private java.util.Optional<Map.Entry<org.tongban.casework.CaseFile, org.tongban.person.Resident>> applicant(
      CaseDecided decided) {
    var file = cases.find(decided.id()).orElseThrow();
    if (file.subject() != null || file.unit() != null) return java.util.Optional.empty();
    return residents.find(file.applicant()).map(person -> Map.entry(file, person));
  }

  /**
   * 失业登记 opens an unemployment spell where the person lives, counted in 登记失业人数; at most one open spell a
   * person (a second approval while one is open adds none; concurrent approvals wait on a lock for the person).
   */
  private void unemployed(CaseDecided decided) {
    var found = applicant(decided).orElse(null);
    if (found == null) return;
    var person = found.getValue();
    jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("unemployment:" + person.id().value())
        .query((rs, i) -> 1).list();
    boolean open = jdbc.sql("select exists(select 1 from employment.unemployment_spell where person_id = ?"
        + " and ended_on is null)").param(person.id().value()).query(Boolean.class).single();
    if (open) return;
    var on = LocalDate.ofInstant(decided.at(), EmploymentFacts.CHINA);
    jdbc.sql("insert into employment.unemployment_spell (case_id, person_id, region_code, registered_on)"
            + " values (?, ?, ?, ?)")
        .params(decided.id().value(), person.id().value(), person.residenceRegion().value(), on).update();
    indicators.record(java.util.List.of(new FactChange(EmploymentFacts.REGISTERED_UNEMPLOYED, person.residenceRegion(),
        YearMonth.from(on), 1)));
  }

  private void employed(CaseDecided decided) {
    var found = applicant(decided).orElse(null);
    if (found == null) return;
    var file = found.getKey();
    var person = found.getValue();
    var decidedOn = LocalDate.ofInstant(decided.at(), EmploymentFacts.CHINA);
    LocalDate starts;
    try {
      starts = LocalDate.parse(file.form().path("startDate").asString(decidedOn.toString()));
    } catch (DateTimeParseException e) {
      starts = decidedOn;
    }
    boolean known = jdbc.sql("select exists(select 1 from employment.employment where person_id = ?"
            + " and started_on between ? and ?)")
        .params(person.id().value(), starts.minusDays(31), starts.plusDays(31)).query(Boolean.class).single();
    if (known) return;
    String employer = file.form().path("employer").asString("");
    var id = record(new Work(person.id().value(), null, employer.isBlank() ? "—" : employer, null, null,
        person.residenceRegion(), starts, false, "case:" + file.number()));
    audit.record("employment.registered", "case", decided.id().toString(), person.residenceRegion(),
        Map.of("employment", id.toString(), "startsOn", starts.toString()));
  }
}
