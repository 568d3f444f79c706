package org.tongban.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Caller;
import org.tongban.access.Callers;
import org.tongban.audit.AuditTrail;
import org.tongban.casework.CaseRefusals.CaseNotFound;
import org.tongban.casework.CaseRefusals.ForwardOutOfReach;
import org.tongban.casework.CaseRefusals.InvalidApplication;
import org.tongban.casework.CaseRefusals.NotYourApplication;
import org.tongban.casework.CaseRefusals.ReasonRequired;
import org.tongban.casework.CaseRefusals.SeatTaken;
import org.tongban.casework.CaseRefusals.WrongDepartment;
import org.tongban.casework.CaseRefusals.WrongStep;
import org.tongban.casework.internal.CaseFiles;
import org.tongban.casework.internal.CaseMaterials;
import org.tongban.casework.internal.CaseProgress;
import org.tongban.casework.internal.Decisions;
import org.tongban.casework.internal.ProcessStarts;
import org.tongban.casework.internal.Workflows;
import org.tongban.catalogue.ItemSpec;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.organisation.Office;
import org.tongban.organisation.OfficeId;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.RegionLevel;

/**
 * The casework front door for working a filed case ({@link Applications} files it). Every step runs as a Flowable
 * task waiting on one office, and the actions a step allows are {@link CaseStep}'s. Every change locks the case's row
 * first, so two people acting on one case at once (a withdrawal and an approval, say) take turns. What people see is
 * {@link CaseQueries}.
 */
@Service
@Transactional(readOnly = true)
public class Casework {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final CaseFiles files;
  private final CaseQueries queries;
  private final CaseMaterials materials;
  private final CaseProgress progress;
  private final ServiceCatalogue catalogue;
  private final Residents residents;
  private final OrganisationDirectory organisations;
  private final Callers callers;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Workflows workflows;
  private final ProcessStarts starts;
  private final Decisions decisions;
  private final DeadlineClock clock = DeadlineClock.official();

  Casework(CaseFiles files, CaseQueries queries, CaseMaterials materials, CaseProgress progress,
           ServiceCatalogue catalogue, Residents residents, OrganisationDirectory organisations, Callers callers,
           AuditTrail audit, ApplicationEventPublisher events, Workflows workflows, ProcessStarts starts,
           Decisions decisions) {
    this.files = files;
    this.queries = queries;
    this.materials = materials;
    this.progress = progress;
    this.catalogue = catalogue;
    this.residents = residents;
    this.organisations = organisations;
    this.callers = callers;
    this.audit = audit;
    this.events = events;
    this.workflows = workflows;
    this.starts = starts;
    this.decisions = decisions;
  }

  // ---------------------------------------------------------------- working a case

  /** Takes {@code action} on the step the case waits on at the caller's office (the row is locked first). */
  @Transactional
  public CaseFile act(CaseId id, CaseAction action, @Nullable String givenNote) {
    return act(id, action, givenNote, DecisionTerms.none());
  }

  /**
   * As {@link #act(CaseId, CaseAction, String)}; approving an item that pays money needs the {@code terms} granted
   * (amount, and for monthly payments the period), which the decision document states.
   */
  @Transactional
  public CaseFile act(CaseId id, CaseAction action, @Nullable String givenNote, DecisionTerms terms) {
    String note = blankToNull(givenNote);
    var caller = callers.current();
    var c = lockVisible(id, caller);
    var office = staffOffice(caller, id);
    var step = workflows.waitingOn(starts.processOf(id), office.toString())
        .orElseThrow(() -> new WrongStep(c.status(), action.name()));
    var at = CaseStep.of(step.key()).orElseThrow(() -> new IllegalStateException("Unknown step " + step.key()));
    if (!at.allows(action)) throw new WrongStep(c.status(), action.name());
    if (action.reasonRequired() && note == null) throw new ReasonRequired(action.name());
    var spec = catalogue.version(c.item(), c.itemVersion()).spec();
    if (action == CaseAction.PASS) materials.requirePresent(c, spec);
    var payment = spec.result().payment();
    if (action == CaseAction.APPROVE && payment != null) {
      var problems = terms.problems(payment, LocalDate.now(CHINA));
      if (!problems.isEmpty()) throw new InvalidApplication(c.itemName(), problems);
    }
    // 会签: one person takes one seat; two seats need two people.
    if ((action == CaseAction.AGREE || action == CaseAction.OBJECT) && c.workflow().equals("COUNTERSIGN")
        && files.reviewed(id, caller.name(), c.status())) {
      throw new SeatTaken();
    }
    workflows.complete(step, action.outcome());
    var now = Instant.now();
    var today = LocalDate.now(CHINA);
    boolean workingDays = c.limitUnit().equals("WORKING_DAYS");
    switch (action) {
      case SUPPLEMENT -> files.paused(id, today);
      case ACCEPT -> files.accepted(id, now, clock.due(today, c.limitDays(), workingDays));
      case APPROVE, DENY -> decide(c, spec, action == CaseAction.APPROVE, terms, now, today, note, caller.name());
      case REFUSE -> {
        files.finished(id, now);
        document(c, spec, Decisions.Outcome.NOT_ACCEPTED, terms, note, caller.name(), now);
      }
      default -> { }
    }
    files.timeline(id, caller.name(), action.name(), c.status(), note, office);
    var after = progress.sync(id);
    audit.record("case." + action.name().toLowerCase(), "case", id.toString(), c.competentRegion(),
        note == null ? Map.of() : Map.of("note", note));
    return after;
  }

  private void decide(CaseFile c, ItemSpec spec, boolean approved, DecisionTerms terms, Instant now, LocalDate today,
                      @Nullable String reason, String decidedBy) {
    files.decided(c.id(), approved, now);
    document(c, spec, approved ? Decisions.Outcome.APPROVED : Decisions.Outcome.DENIED, terms, reason, decidedBy, now);
    boolean within = c.dueDate() == null || !today.isAfter(c.dueDate());
    events.publishEvent(new CaseDecided(c.id(), c.item(), c.department(), c.competentRegion(), approved, within, now));
  }

  /** Every decision leaves a document: the result, a 不予 decision or a 不予受理 notice, with appeal rights. */
  private void document(CaseFile c, ItemSpec spec, Decisions.Outcome outcome, DecisionTerms terms, @Nullable String reason,
                        String decidedBy, Instant now) {
    var holder = residents.find(c.applicant()).orElseThrow();
    var issuer = organisations.find(c.competentOffice()).map(Office::name).orElse(c.department());
    decisions.decide(c, spec, outcome, terms, reason, holder, issuer, decidedBy, now);
  }

  /**
   * Adds a material the applicant provides to an open case: by the applicant, or by staff of the receiving office.
   * PDF, PNG or JPEG, decoded as the type claimed, up to 10 MiB.
   */
  @Transactional
  public CaseMaterials.Entry attach(CaseId id, String code, @Nullable String claimedType, byte[] content) {
    var caller = callers.current();
    var c = lockVisible(id, caller);
    boolean applicant = applicant(c, caller);
    if (!applicant && !c.receivedBy().toString().equals(caller.office())) throw new CaseNotFound(id.toString());
    if (!c.status().open()) throw new WrongStep(c.status(), "ATTACH");
    var spec = catalogue.version(c.item(), c.itemVersion()).spec();
    var entry = materials.attach(c, spec, code, claimedType, content);
    files.timeline(id, caller.name(), "MATERIAL_ADDED", c.status(), entry.name(), applicant ? null : staffOffice(caller, id));
    audit.record("case.material-added", "case", id.toString(), c.competentRegion(), Map.of("material", code,
        "bytes", String.valueOf(content.length), "type", String.valueOf(entry.contentType()),
        "by", applicant ? "applicant" : "receiving office"));
    return entry;
  }

  /**
   * The applicant (or staff of the receiving office for them) has supplied what was asked; the clock resumes and the
   * step that asked runs again.
   */
  @Transactional
  public CaseFile supplied(CaseId id, @Nullable String givenNote) {
    String note = blankToNull(givenNote);
    var caller = callers.current();
    var c = lockVisible(id, caller);
    boolean applicant = applicant(c, caller);
    if (!applicant && !c.receivedBy().toString().equals(caller.office())) throw new CaseNotFound(id.toString());
    if (c.status() != CaseStatus.SUPPLEMENT) throw new WrongStep(c.status(), "SUPPLIED");
    var step = workflows.waitingOn(starts.processOf(id), CaseProgress.applicantGroup(c.applicant()))
        .orElseThrow(() -> new WrongStep(c.status(), "SUPPLIED"));
    workflows.complete(step, "supplied");
    resumeClock(c);
    files.timeline(id, caller.name(), "SUPPLIED", c.status(), note,
        caller.office() == null ? null : OfficeId.of(caller.office()));
    audit.record("case.supplied", "case", id.toString(), c.competentRegion(),
        Map.of("by", applicant ? "applicant" : "receiving office"));
    return progress.sync(id);
  }

  /**
   * 转办: the office the case waits on (the receiving office during pre-check, the competent office until acceptance)
   * hands it to another office of the same department in the same city, which then has the step and decides. The
   * case leaves the sender's queue. The reason is kept in the timeline.
   */
  @Transactional
  public CaseFile forward(CaseId id, OfficeId to, String reason) {
    var caller = callers.current();
    var c = lockVisible(id, caller);
    var from = staffOffice(caller, id);
    if (reason == null || reason.isBlank()) throw new ReasonRequired("FORWARD");
    if (c.status() != CaseStatus.PRE_REVIEW && c.status() != CaseStatus.AWAITING_ACCEPTANCE) {
      throw new WrongStep(c.status(), "FORWARD");
    }
    if (c.waitingOn() == null || !c.waitingOn().equals(from)) throw new WrongStep(c.status(), "FORWARD");
    var target = organisations.find(to).orElseThrow(() -> new CaseNotFound(to.toString()));
    if (!target.department().equals(c.department())) throw new WrongDepartment(target.name());
    var city = c.competentRegion().atLevel(RegionLevel.CITY);
    if (target.id().equals(from) || city == null || !target.region().isWithin(city)) {
      throw new ForwardOutOfReach(target.name());
    }
    workflows.reassign(starts.processOf(id), from.toString(), to.toString());
    files.forwarded(id, to, target.region());
    files.timeline(id, caller.name(), "FORWARD", c.status(), reason.strip() + " → " + target.name(), from);
    audit.record("case.forwarded", "case", id.toString(), target.region(),
        Map.of("from", from.toString(), "to", to.toString(), "reason", reason.strip()));
    return progress.sync(id);
  }

  /**
   * 撤回: the applicant withdraws a case that has not been decided. The row is locked first and the change is guarded
   * by the status read under the lock: an approval committing at the same moment either comes first (and the
   * withdrawal is refused) or waits for it.
   */
  @Transactional
  public CaseFile withdraw(CaseId id, String reason) {
    var caller = callers.current();
    var c = lockVisible(id, caller);
    if (!applicant(c, caller)) throw new NotYourApplication();
    if (!c.status().open() || c.decision() != null) throw new WrongStep(c.status(), "WITHDRAW");
    if (!files.withdrawn(id, c.status())) throw new WrongStep(c.status(), "WITHDRAW");
    starts.end(id, "withdrawn");
    files.timeline(id, caller.name(), "WITHDRAWN", CaseStatus.WITHDRAWN, reason, null);
    audit.record("case.withdrawn", "case", id.toString(), c.competentRegion(), Map.of("reason", reason.strip()));
    var after = files.find(id).orElseThrow();
    progress.announce(after);
    return after;
  }

  /** Special procedures (检验、检测、鉴定、听证、专家评审) stop the clock while they run; the office must say why. */
  @Transactional
  public CaseFile suspendClock(CaseId id, String reason) {
    var caller = callers.current();
    var c = lockVisible(id, caller);
    if (!c.competentOffice().toString().equals(caller.office())) throw new CaseNotFound(id.toString());
    if (reason == null || reason.isBlank()) throw new ReasonRequired("SUSPEND");
    if (c.pausedSince() == null && c.status().open()) {
      files.paused(id, LocalDate.now(CHINA));
      files.timeline(id, caller.name(), "CLOCK_SUSPENDED", c.status(), reason, c.competentOffice());
    }
    return files.find(id).orElseThrow();
  }

  @Transactional
  public CaseFile resumeClock(CaseId id) {
    var caller = callers.current();
    var c = lockVisible(id, caller);
    if (!c.competentOffice().toString().equals(caller.office())) throw new CaseNotFound(id.toString());
    resumeClock(c);
    files.timeline(id, caller.name(), "CLOCK_RESUMED", c.status(), null, c.competentOffice());
    return files.find(id).orElseThrow();
  }

  /** The pause ends; once the clock has started (accepted), the due date moves on by the days it stood still. */
  private void resumeClock(CaseFile c) {
    if (c.pausedSince() == null) return;
    boolean working = c.limitUnit().equals("WORKING_DAYS");
    int paused = clock.paused(c.pausedSince(), LocalDate.now(CHINA), working);
    files.resumed(c.id(), paused, c.dueDate() == null ? null : clock.due(c.dueDate(), paused, working));
  }

  // ---------------------------------------------------------------- internals

  /** Locks the case and checks the caller may see it (otherwise "not found"). */
  private CaseFile lockVisible(CaseId id, Caller caller) {
    var c = files.lock(id).orElseThrow(() -> new CaseNotFound(id.toString()));
    if (!queries.mayView(c, caller)) throw new CaseNotFound(id.toString());
    return c;
  }

  private static boolean applicant(CaseFile c, Caller caller) {
    return caller.person() != null && caller.person().equals(c.applicant().value());
  }

  private static OfficeId staffOffice(Caller caller, CaseId id) {
    if (caller.office() == null) throw new CaseNotFound(id.toString());
    return OfficeId.of(caller.office());
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
