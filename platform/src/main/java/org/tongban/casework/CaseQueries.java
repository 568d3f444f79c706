package org.tongban.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Caller;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.casework.CaseRefusals.CaseNotFound;
import org.tongban.casework.CaseRefusals.NotSupervisor;
import org.tongban.casework.internal.CaseFiles;
import org.tongban.casework.internal.CaseMaterials;
import org.tongban.casework.internal.Certificates;
import org.tongban.organisation.Office;
import org.tongban.organisation.OfficeId;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.shared.ResultPage;
import org.tongban.shared.WorkingDayCalendar;

/**
 * What people see of cases (the read side): one case, its timeline and materials, the resident's own cases, an
 * office's queue and intake, the supervisors' deadline list. Who sees a case: its applicant; staff of the office that
 * received it, must decide it, or reviews it first (township); supervisors whose scope covers its region and
 * department. Anyone else gets "not found".
 */
@Service
@Transactional(readOnly = true)
public class CaseQueries {

  private final CaseFiles files;
  private final CaseMaterials materials;
  private final Certificates certificates;
  private final OrganisationDirectory organisations;
  private final Jurisdiction jurisdiction;
  private final Callers callers;
  private final AuditTrail audit;
  private final JdbcClient jdbc;
  private final WorkingDayCalendar calendar = WorkingDayCalendar.official();

  CaseQueries(CaseFiles files, CaseMaterials materials, Certificates certificates, OrganisationDirectory organisations,
              Jurisdiction jurisdiction, Callers callers, AuditTrail audit, JdbcClient jdbc) {
    this.files = files;
    this.materials = materials;
    this.certificates = certificates;
    this.organisations = organisations;
    this.jurisdiction = jurisdiction;
    this.callers = callers;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  /** One step in a case's history; {@code office} is the office's name. */
  public record TimelineEntry(Instant at, String actor, @Nullable String office, String action, CaseStatus status,
                              @Nullable String note) {}

  /** One case, if the caller may see it; otherwise "not found". */
  public CaseFile view(CaseId id) {
    return require(id);
  }

  /** A case without any access check (the module's own listeners). */
  public Optional<CaseFile> find(CaseId id) {
    return files.find(id);
  }

  CaseFile require(CaseId id) {
    var c = files.find(id).orElseThrow(() -> new CaseNotFound(id.toString()));
    if (!mayView(c, callers.current())) throw new CaseNotFound(id.toString());
    return c;
  }

  boolean mayView(CaseFile c, Caller caller) {
    if (caller.resident()) {
      // A unit's case is seen by whoever acts for the unit now (its legal representative, its agents); a person's
      // own case by the applicant while acting for themselves.
      if (c.unit() != null) return caller.actingUnit() != null && caller.actingUnit().id().equals(c.unit().id());
      return caller.actingUnit() == null && caller.person() != null && caller.person().equals(c.applicant().value());
    }
    if (involved(c, caller.office())) return true;
    return caller.has("SUPERVISOR") && jurisdiction.allows(c.competentRegion(), c.department(), Purpose.VIEW);
  }

  /** Whether {@code office} takes part in the case: it received it, decides it, or reviews it first. */
  static boolean involved(CaseFile c, @Nullable String office) {
    return office != null && (office.equals(c.receivedBy().toString()) || office.equals(c.competentOffice().toString())
        || (c.townshipOffice() != null && office.equals(c.townshipOffice().toString())));
  }

  /**
   * The actions the caller's office may take on the case now: those of the step the case waits on, when it waits on
   * that office; none otherwise (a receiving clerk sees no 准予 while the competent office decides).
   */
  public List<CaseAction> actions(CaseFile c) {
    String office = callers.current().office();
    if (office == null || c.waitingOn() == null || !office.equals(c.waitingOn().toString()) || c.waitingStep() == null) {
      return List.of();
    }
    return CaseStep.of(c.waitingStep()).map(CaseStep::actions).orElse(List.of());
  }

  public List<TimelineEntry> timeline(CaseId id) {
    require(id);
    return jdbc.sql("select e.at, e.actor, e.office, e.action, e.status, e.note from casework.case_event e"
            + " where e.case_id = ? order by e.id")
        .param(id.value())
        .query((rs, i) -> new TimelineEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
            rs.getObject("office", UUID.class) == null ? null : officeName(rs.getObject("office", UUID.class)),
            rs.getString("action"), CaseStatus.valueOf(rs.getString("status")), rs.getString("note")))
        .list();
  }

  public List<CaseMaterials.Entry> materials(CaseId id) {
    require(id);
    return materials.list(id);
  }

  /**
   * An uploaded material's file, for the applicant and for staff of the offices on the case (or supervisors within
   * their scope). Staff reading it is audited: it may hold personal data.
   */
  @Transactional
  public CaseMaterials.Stored material(CaseId id, UUID material) {
    var c = require(id);
    var stored = materials.content(id, material).orElseThrow(() -> new CaseNotFound(material.toString()));
    var caller = callers.current();
    if (!caller.resident()) {
      audit.record("case.material-opened", "case", id.toString(), c.competentRegion(), Map.of("material",
          material.toString()));
    }
    return stored;
  }

  /**
   * Whether an approved case of {@code item} was filed by the person for themselves: a status the platform established
   * (就业困难人员认定 …), for other services to rely on without asking again.
   */
  public boolean approvedFor(org.tongban.person.PersonId person, String item) {
    return jdbc.sql("select exists(select 1 from casework.case_file where applicant = ? and item_code = ?"
            + " and decision = 'APPROVED' and subject is null and unit_id is null)")
        .params(person.value(), item).query(Boolean.class).single();
  }

  /** Of {@code persons}, those for whom {@link #approvedFor} holds: one query for a whole list. */
  public java.util.Set<UUID> approvedAmong(java.util.Collection<UUID> persons, String item) {
    if (persons.isEmpty()) return java.util.Set.of();
    return jdbc.sql("select distinct applicant from casework.case_file where applicant = any(?) and item_code = ?"
            + " and decision = 'APPROVED' and subject is null and unit_id is null")
        .params(persons.toArray(UUID[]::new), item).query(UUID.class).set();
  }

  /**
   * For each of {@code persons}, the items among {@code items} approved for them as applicant (their own cases, not a
   * relative's or a unit's), with when the latest approval was decided: one query for a whole list.
   */
  public java.util.Map<UUID, java.util.Map<String, java.time.Instant>> approvals(java.util.Collection<UUID> persons,
                                                                             java.util.Collection<String> items) {
    var result = new java.util.HashMap<UUID, java.util.Map<String, java.time.Instant>>();
    if (persons.isEmpty() || items.isEmpty()) return result;
    jdbc.sql("select applicant, item_code, max(decided_at) from casework.case_file where applicant = any(?)"
            + " and item_code = any(?) and decision = 'APPROVED' and subject is null and unit_id is null group by 1, 2")
        .params(persons.toArray(UUID[]::new), items.toArray(String[]::new))
        .query((java.sql.ResultSet rs) -> {
          result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.HashMap<>())
              .put(rs.getString(2), rs.getTimestamp(3).toInstant());
        });
    return result;
  }

  /**
   * A case's outcome for other services' rules, unscoped: empty while undecided, else APPROVED or DENIED (withdrawn and
   * not-accepted cases count as DENIED: nothing was granted).
   */
  public java.util.Optional<String> outcome(CaseId id) {
    return files.find(id).map(c -> c.decision() != null ? c.decision()
        : c.status().open() ? null : "DENIED");
  }

  /** The terms an approval granted (amount, months), for services that pay it; unscoped, like {@link #outcome}. */
  public java.util.Optional<DecisionTerms> terms(CaseId id) {
    return jdbc.sql("select amount_cents, period_from, period_to from casework.decision where case_id = ?"
            + " and outcome = 'APPROVED'")
        .param(id.value())
        .query((rs, i) -> new DecisionTerms((Long) rs.getObject(1),
            rs.getDate(2) == null ? null : java.time.YearMonth.from(rs.getDate(2).toLocalDate()),
            rs.getDate(3) == null ? null : java.time.YearMonth.from(rs.getDate(3).toLocalDate())))
        .optional();
  }

  /** The signed-in resident's cases, newest first; empty while their account is not linked to the registry. */
  public ResultPage<CaseFile> myCases(int page, int size) {
    var caller = callers.current();
    int p = ResultPage.page(page);
    int s = ResultPage.size(size);
    if (!caller.resident()) throw new CaseRefusals.NotYourApplication();
    if (caller.actingUnit() != null) {
      // Acting for a unit: the unit's cases, whoever of its people filed them.
      var unit = caller.actingUnit().id();
      long total = files.count("where unit_id = ?", List.of(unit));
      return new ResultPage<>(files.list("where unit_id = ? order by submitted_at desc, id offset ? limit ?",
          List.of(unit, p * s, s)), p, s, total);
    }
    if (caller.person() == null) return new ResultPage<>(List.of(), p, s, 0);
    var args = List.<Object>of(caller.person());
    long total = files.count("where applicant = ? and unit_id is null", args);
    return new ResultPage<>(files.list("where applicant = ? and unit_id is null order by submitted_at desc, id"
        + " offset ? limit ?", List.of(caller.person(), p * s, s)), p, s, total);
  }

  /**
   * The newest cases of a person whose identity a staff member has checked (a 12333 agent on the phone, a village
   * agent at the station), those the staff member may see by region and department and those their own office took
   * in; the caller records the check.
   */
  public List<CaseFile> ofCheckedPerson(org.tongban.person.PersonId person, int size) {
    var caller = callers.current();
    if (!caller.staff()) throw new CaseRefusals.NotYourApplication();
    var scope = jurisdiction.condition(Purpose.VIEW, "competent_region", "department");
    var args = new ArrayList<Object>();
    args.add(person.value());
    args.addAll(scope.parameters());
    args.add(caller.office() == null ? null : UUID.fromString(caller.office()));
    args.add(ResultPage.size(size));
    return files.list("where applicant = ? and unit_id is null and (" + scope.sql() + " or received_by = ?)"
        + " order by submitted_at desc, id limit ?", args);
  }

  /**
   * The caller's office's queue: cases waiting on it, nearest due date first. Its total is counted up to
   * {@link ResultPage#countLimit}: a backlog of tens of thousands shows as "1,000+" instead of being counted at every
   * page (10 ms a page at 14,000 waiting, growing with each case).
   */
  public ResultPage<CaseFile> queue(int page, int size) {
    var office = staffOffice();
    int p = ResultPage.page(page);
    int s = ResultPage.size(size);
    long limit = ResultPage.countLimit(p, s);
    long counted = files.countUpTo("where waiting_on = ?", List.of(office.value()), limit);
    return ResultPage.countedUpTo(files.list("where waiting_on = ? order by due_date nulls last, submitted_at"
        + " offset ? limit ?", List.of(office.value(), p * s, s)), p, s, counted, limit);
  }

  /** Cases the caller's office took in (including those forwarded elsewhere), newest first. */
  public ResultPage<CaseFile> received(int page, int size) {
    var office = staffOffice();
    int p = ResultPage.page(page);
    int s = ResultPage.size(size);
    long total = files.count("where received_by = ?", List.of(office.value()));
    return new ResultPage<>(files.list("where received_by = ? order by submitted_at desc offset ? limit ?",
        List.of(office.value(), p * s, s)), p, s, total);
  }

  /**
   * Supervision (效能监察): open, accepted cases in the supervisor's jurisdiction (region and department) whose due date
   * is within {@code withinWorkingDays} working days or past, most overdue first.
   */
  public ResultPage<CaseFile> nearOrPastLimit(int withinWorkingDays, int page, int size) {
    if (!callers.current().has("SUPERVISOR")) throw new NotSupervisor();
    var scope = jurisdiction.condition(Purpose.SEARCH, "competent_region", "department");
    int p = ResultPage.page(page);
    int s = ResultPage.size(size);
    if (scope.isEmpty()) return new ResultPage<>(List.of(), p, s, 0);
    var horizon = calendar.addWorkingDays(LocalDate.now(Casework.CHINA), Math.max(0, Math.min(withinWorkingDays, 60)));
    String where = "where " + scope.sql() + " and finished_at is null and status not in ('WITHDRAWN') and due_date <= ?";
    var args = new ArrayList<Object>(scope.parameters());
    args.add(horizon);
    long total = files.count(where, args);
    args.add(p * s);
    args.add(s);
    return new ResultPage<>(files.list(where + " order by due_date, submitted_at offset ? limit ?", args), p, s, total);
  }

  /** Cases filed together for one life event, those the caller may see. */
  public List<CaseFile> bundle(@Nullable UUID bundle) {
    if (bundle == null) return List.of();
    var caller = callers.current();
    return files.list("where bundle = ? order by item_code", List.of(bundle)).stream().filter(c -> mayView(c, caller))
        .toList();
  }

  public List<Certificate> results(CaseId id) {
    require(id);
    return certificates.ofCase(id.value());
  }

  /** Public verification of a result by its code: no personal data beyond the masked holder. */
  public Optional<Certificate> verify(String code) {
    String c = code == null ? "" : code.strip().toUpperCase();
    if (!c.matches("[A-Z2-9]{16}")) return Optional.empty();
    return certificates.find(c);
  }

  /** The PDF of a result of a case the caller may see. */
  public byte[] resultFile(CaseId id, String code) {
    require(id);
    var issued = certificates.find(code).filter(i -> i.caseId().equals(id.toString()))
        .orElseThrow(() -> new CaseNotFound(code));
    return certificates.file(issued);
  }

  private OfficeId staffOffice() {
    String office = callers.current().office();
    if (office == null) throw new CaseNotFound("office");
    return OfficeId.of(office);
  }

  private String officeName(UUID office) {
    return organisations.find(new OfficeId(office)).map(Office::name).orElse(office.toString());
  }
}
