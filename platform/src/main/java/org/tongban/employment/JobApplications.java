package org.tongban.employment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.audit.AuditTrail;
import org.tongban.employment.EmploymentRefusals.VacancyNotFound;
import org.tongban.employment.EmploymentRefusals.WrongState;
import org.tongban.employment.internal.EmploymentFacts;
import org.tongban.person.PersonId;
import org.tongban.person.Residents;
import org.tongban.shared.Refusal;

/**
 * Applying for a vacancy and the unit's answer: a signed-in resident (acting for themselves) applies once per vacancy;
 * the unit's people authorised to recruit invite to an interview, turn down, or hire. A hire records the employment
 * (就业登记) and counts it in 城镇新增就业 for the workplace's region and the month the work starts.
 */
@Service
@Transactional(readOnly = true)
public class JobApplications {

  /** 城镇新增就业: employments recorded from hires, per region of the workplace and month the work starts. */
  public static final String NEW_JOBS = EmploymentFacts.NEW_JOBS;
  static final String COLUMNS = "a.id, a.vacancy_id, v.title, v.unit_name, a.person_id, a.person_name, a.note, a.status,"
      + " a.interview_at, a.interview_place, a.created_at, a.version";
  static final String FROM = " from employment.application a join employment.vacancy v on v.id = a.vacancy_id";

  private final JdbcClient jdbc;
  private final JobBoard board;
  private final Vacancies vacancies;
  private final Residents residents;
  private final Callers callers;
  private final AuditTrail audit;
  private final EmploymentRecords records;

  JobApplications(JdbcClient jdbc, JobBoard board, Vacancies vacancies, Residents residents,
                  Callers callers, AuditTrail audit, EmploymentRecords records) {
    this.records = records;
    this.jdbc = jdbc;
    this.board = board;
    this.vacancies = vacancies;
    this.residents = residents;
    this.callers = callers;
    this.audit = audit;
  }

  /** The signed-in resident applies for an open vacancy, once. */
  @Transactional
  public JobApplication apply(UUID vacancyId, @Nullable String note) {
    var caller = callers.current();
    if (!caller.resident() || caller.actingUnit() != null) throw new NotASeeker();
    if (caller.person() == null) throw new NotASeeker();
    var vacancy = board.open(vacancyId).orElseThrow(() -> new VacancyNotFound(vacancyId.toString()));
    var person = residents.find(new PersonId(caller.person())).orElseThrow(NotASeeker::new);
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text != null && text.length() > 500) throw new EmploymentRefusals.ReasonRequired();
    var id = UUID.randomUUID();
    try {
      jdbc.sql("insert into employment.application (id, vacancy_id, person_id, person_name, note, status)"
              + " values (?, ?, ?, ?, ?, 'APPLIED')")
          .params(id, vacancyId, person.id().value(), person.name(), text).update();
    } catch (DuplicateKeyException e) {
      throw new AlreadyApplied();
    }
    audit.record("employment.applied", "vacancy", vacancyId.toString(), vacancy.region(), Map.of("application",
        id.toString()));
    return find(id);
  }

  /** The resident's own applications, newest first. */
  public List<JobApplication> mine() {
    var caller = callers.current();
    if (caller.person() == null || caller.actingUnit() != null) return List.of();
    return jdbc.sql("select " + COLUMNS + FROM + " where a.person_id = ? order by a.created_at desc limit 200")
        .param(caller.person()).query(JobApplications::map).list();
  }

  /** The seeker withdraws an application still open. */
  @Transactional
  public JobApplication withdraw(UUID id) {
    var application = find(id);
    var caller = callers.current();
    if (caller.person() == null || !caller.person().equals(application.personId())) throw new ApplicationNotFound(id);
    if (jdbc.sql("update employment.application set status = 'WITHDRAWN', updated_at = now(), version = version + 1"
        + " where id = ? and status in ('APPLIED', 'INVITED')").param(id).update() == 0) {
      throw new WrongState(application.status().name());
    }
    return find(id);
  }

  /** The applications to a vacancy, for the people of its unit authorised to recruit. */
  public List<JobApplication> forVacancy(UUID vacancyId) {
    var vacancy = vacancies.recruitingFor(vacancyId);
    return jdbc.sql("select " + COLUMNS + FROM + " where a.vacancy_id = ? order by a.created_at limit 500")
        .param(vacancy.id()).query(JobApplications::map).list();
  }

  /** Invites to an interview, at a time and place. */
  @Transactional
  public JobApplication invite(UUID id, @Nullable Instant at, @Nullable String place) {
    var application = find(id);
    var vacancy = vacancies.recruitingFor(application.vacancyId());
    if (at == null || place == null || place.isBlank() || place.length() > 200) throw new InvitationIncomplete();
    if (jdbc.sql("update employment.application set status = 'INVITED', interview_at = ?, interview_place = ?,"
            + " decided_by = ?, updated_at = now(), version = version + 1 where id = ? and status in ('APPLIED', 'INVITED')")
        .params(java.sql.Timestamp.from(at), place.strip(), callers.current().name(), id).update() == 0) {
      throw new WrongState(application.status().name());
    }
    audit.record("employment.invited", "vacancy", vacancy.id().toString(), vacancy.region(), Map.of("application",
        id.toString()));
    return find(id);
  }

  /** Turns the application down. */
  @Transactional
  public JobApplication reject(UUID id) {
    var application = find(id);
    var vacancy = vacancies.recruitingFor(application.vacancyId());
    if (jdbc.sql("update employment.application set status = 'REJECTED', decided_by = ?, updated_at = now(),"
            + " version = version + 1 where id = ? and status in ('APPLIED', 'INVITED')")
        .params(callers.current().name(), id).update() == 0) {
      throw new WrongState(application.status().name());
    }
    audit.record("employment.rejected", "vacancy", vacancy.id().toString(), vacancy.region(), Map.of("application",
        id.toString()));
    return find(id);
  }

  /**
   * Hires the applicant from {@code startsOn} (today to 90 days ahead): records the employment (就业登记) and counts it
   * in 城镇新增就业 for the workplace's region and that month, in the same transaction.
   */
  @Transactional
  public JobApplication hire(UUID id, @Nullable LocalDate startsOn) {
    var application = find(id);
    var vacancy = vacancies.recruitingFor(application.vacancyId());
    var today = Vacancies.today();
    if (startsOn == null || startsOn.isBefore(today.minusDays(30)) || startsOn.isAfter(today.plusDays(90))) {
      throw new InvalidStart();
    }
    if (jdbc.sql("update employment.application set status = 'HIRED', decided_by = ?, updated_at = now(),"
            + " version = version + 1 where id = ? and status in ('APPLIED', 'INVITED')")
        .params(callers.current().name(), id).update() == 0) {
      throw new WrongState(application.status().name());
    }
    records.record(new EmploymentRecords.Work(application.personId(), vacancy.unitId(), vacancy.unitName(),
        vacancy.id(), id, vacancy.region(), startsOn, vacancy.publicWelfare(), callers.current().name()));
    audit.record("employment.hired", "vacancy", vacancy.id().toString(), vacancy.region(), Map.of("application",
        id.toString(), "startsOn", startsOn.toString()));
    return find(id);
  }

  private JobApplication find(UUID id) {
    return jdbc.sql("select " + COLUMNS + FROM + " where a.id = ?").param(id).query(JobApplications::map).optional()
        .orElseThrow(() -> new ApplicationNotFound(id));
  }

  static JobApplication map(ResultSet rs, int i) throws SQLException {
    var interview = rs.getTimestamp(9);
    return new JobApplication(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
        rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
        ApplicationStatus.valueOf(rs.getString(8)), interview == null ? null : interview.toInstant(), rs.getString(10),
        rs.getTimestamp(11).toInstant(), rs.getInt(12));
  }

  /** Only a resident acting for themselves, linked to the registry, applies for a job. */
  public static final class NotASeeker extends Refusal {
    public NotASeeker() {
      super("employment.not-a-seeker", 403);
    }
  }

  public static final class AlreadyApplied extends Refusal {
    public AlreadyApplied() {
      super("employment.already-applied", 409);
    }
  }

  public static final class ApplicationNotFound extends Refusal {
    public ApplicationNotFound(UUID id) {
      super("employment.application-not-found", 404, id.toString());
    }
  }

  public static final class InvitationIncomplete extends Refusal {
    public InvitationIncomplete() {
      super("employment.invitation-incomplete", 400);
    }
  }

  public static final class InvalidStart extends Refusal {
    public InvalidStart() {
      super("employment.invalid-start", 400);
    }
  }
}
