package org.tongban.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Caller;
import org.tongban.access.Callers;
import org.tongban.audit.AuditTrail;
import org.tongban.casework.CaseRefusals.AuthorisationRequired;
import org.tongban.casework.CaseRefusals.CaseNotFound;
import org.tongban.casework.CaseRefusals.ChannelNotAllowed;
import org.tongban.casework.CaseRefusals.ForwardOutOfReach;
import org.tongban.casework.CaseRefusals.InvalidApplication;
import org.tongban.casework.CaseRefusals.NoCompetentOffice;
import org.tongban.casework.CaseRefusals.NotInRegistry;
import org.tongban.casework.CaseRefusals.NotYourApplication;
import org.tongban.casework.CaseRefusals.ReasonRequired;
import org.tongban.casework.CaseRefusals.RegionNotAllowed;
import org.tongban.casework.CaseRefusals.SeatTaken;
import org.tongban.casework.CaseRefusals.WrongDepartment;
import org.tongban.casework.CaseRefusals.WrongStep;
import org.tongban.casework.internal.CaseFiles;
import org.tongban.casework.internal.CaseMaterials;
import org.tongban.casework.internal.Certificates;
import org.tongban.casework.internal.Workflows;
import org.tongban.catalogue.ItemSpec;
import org.tongban.catalogue.ItemVersion;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.organisation.Office;
import org.tongban.organisation.OfficeId;
import org.tongban.organisation.OfficeKind;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.PersonId;
import org.tongban.person.Resident;
import org.tongban.person.Residents;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The casework front door for changes. Residents apply for themselves online; staff file for a resident (帮办代办)
 * with the resident's authorisation recorded, at their own office. The competent office is found from the item's
 * 行使层级 and the applicant's region; every step runs as a Flowable task waiting on one office, and the actions a step
 * allows are {@link CaseStep}'s. Every change locks the case's row first, so two people acting on one case at once
 * (a withdrawal and an approval, say) take turns. What people see is {@link CaseQueries}.
 */
@Service
@Transactional(readOnly = true)
public class Casework {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  /** 会签 / 或签 review seats. */
  private static final List<String> REVIEW_SEATS = List.of("业务科室", "法规科室");
  /** The channels an applicant filing for themselves arrives by. */
  private static final Set<Channel> ONLINE = Set.of(Channel.WEB, Channel.MOBILE);

  private final CaseFiles files;
  private final CaseQueries queries;
  private final CaseMaterials materials;
  private final JsonMapper json;
  private final ServiceCatalogue catalogue;
  private final Residents residents;
  private final OrganisationDirectory organisations;
  private final RegionDirectory regions;
  private final Callers callers;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Workflows workflows;
  private final Certificates certificates;
  private final DeadlineClock clock = DeadlineClock.official();

  Casework(CaseFiles files, CaseQueries queries, CaseMaterials materials, JsonMapper json, ServiceCatalogue catalogue,
           Residents residents, OrganisationDirectory organisations, RegionDirectory regions, Callers callers,
           AuditTrail audit, ApplicationEventPublisher events, Workflows workflows, Certificates certificates) {
    this.files = files;
    this.queries = queries;
    this.materials = materials;
    this.json = json;
    this.catalogue = catalogue;
    this.residents = residents;
    this.organisations = organisations;
    this.regions = regions;
    this.callers = callers;
    this.audit = audit;
    this.events = events;
    this.workflows = workflows;
    this.certificates = certificates;
  }

  // ---------------------------------------------------------------- applying

  /**
   * Files an application. A repeated submission with the same idempotency key by the same submitter returns the
   * first case and files nothing, also when the two arrive at the same moment. Refuses an invalid form listing every
   * problem, and an applicant without a competent office in their region.
   */
  @Transactional
  public CaseFile apply(NewApplication a) {
    var filer = filer(a);
    if (a.idempotencyKey() != null) {
      var earlier = files.byIdempotencyKey(filer.name(), a.idempotencyKey());
      if (earlier.isPresent()) return earlier.get();
    }
    var item = catalogue.currentOrRefuse(a.item());
    var problems = catalogue.check(item, a.form());
    if (!problems.isEmpty()) throw new InvalidApplication(item.name(), problems);
    var applicant = residents.find(a.applicant()).orElseThrow(() -> new CaseNotFound("applicant"));
    var filed = file(a, filer, item, applicant, a.form(), null, null);
    // Null: a submit with the same key committed first (the insert waited for it); answer with its case.
    return filed != null ? filed : files.byIdempotencyKey(filer.name(), String.valueOf(a.idempotencyKey())).orElseThrow();
  }

  /**
   * 一件事: one merged form and one set of materials for a life event, filed as one case per item, tracked together
   * under one bundle id. Each case keeps only its item's fields. Idempotent like {@link #apply}.
   */
  @Transactional
  public List<CaseFile> applyForLifeEvent(String event, NewApplication a) {
    var filer = filer(a);
    var life = catalogue.lifeEvent(event);
    var combined = catalogue.combinedForm(life);
    if (a.idempotencyKey() != null) {
      var earlier = files.byIdempotencyKey(filer.name(), a.idempotencyKey() + "#0");
      if (earlier.isPresent()) return queries.bundle(earlier.get().bundle());
    }
    var problems = catalogue.check("life-event:" + event + ":" + combined.items().hashCode(), combined.schema(), a.form());
    if (!problems.isEmpty()) throw new InvalidApplication(life.name(), problems);
    var applicant = residents.find(a.applicant()).orElseThrow(() -> new CaseNotFound("applicant"));
    UUID bundle = UUID.randomUUID();
    var cases = new ArrayList<CaseFile>();
    int n = 0;
    for (ItemVersion item : combined.items()) {
      ObjectNode own = json.createObjectNode();
      item.spec().form().path("properties").propertyNames().forEach(f -> {
        if (a.form().has(f)) own.set(f, a.form().get(f));
      });
      var single = new NewApplication(item.code(), a.applicant(), a.channel(), a.basis(), a.region(), own,
          a.idempotencyKey() == null ? null : a.idempotencyKey() + "#" + n++, a.authorisation());
      var filed = file(single, filer, item, applicant, own, bundle, event);
      if (filed == null) {
        // The same submit won the race: the whole bundle is its.
        return queries.bundle(files.byIdempotencyKey(filer.name(), a.idempotencyKey() + "#0").orElseThrow().bundle());
      }
      cases.add(filed);
    }
    return cases;
  }

  /** Who files, from where, by which channel (from how the request arrived, never as the applicant says). */
  private record Filer(String name, @Nullable OfficeId office, Channel channel) {}

  private Filer filer(NewApplication a) {
    var caller = callers.current();
    if (caller.resident()) {
      if (caller.person() == null) throw new NotInRegistry();
      if (!caller.person().equals(a.applicant().value())) throw new NotYourApplication();
      if (!ONLINE.contains(a.channel())) throw new ChannelNotAllowed(a.channel().name());
      return new Filer(caller.name(), null, a.channel());
    }
    if (caller.office() == null) throw new NotYourApplication();
    if (a.authorisation() == null || a.authorisation().isBlank()) throw new AuthorisationRequired();
    var office = organisations.find(OfficeId.of(caller.office())).orElseThrow(NotYourApplication::new);
    // A village station's filing is the village agent's (代办员); elsewhere the window's, or a hotline call's.
    Channel channel = office.kind() == OfficeKind.VILLAGE_STATION ? Channel.VILLAGE_AGENT
        : a.channel() == Channel.PHONE ? Channel.PHONE : Channel.WINDOW;
    return new Filer(caller.name(), office.id(), channel);
  }

  private @Nullable CaseFile file(NewApplication a, Filer filer, ItemVersion item, Resident applicant, JsonNode form,
                                  @Nullable UUID bundle, @Nullable String lifeEvent) {
    var spec = item.spec();
    RegionCode region = region(a, spec, applicant);
    Office competent = competentOffice(spec, region);
    Office township = null;
    if (spec.workflow() == ItemSpec.Workflow.MULTI_LEVEL) {
      var at = region.atLevel(RegionLevel.TOWNSHIP);
      township = at == null ? null : organisations.officeAt("government-services", at).orElse(null);
      if (township == null) throw new NoCompetentOffice(spec.name(), region.value());
    }
    Office received;
    if (filer.office() != null) {
      received = organisations.find(filer.office()).orElseThrow(() -> new NoCompetentOffice(spec.name(), region.value()));
    } else if (spec.workflow() == ItemSpec.Workflow.JOINT) {
      // 多地联办 online: the service hall where the applicant lives takes it in and hands over the result.
      var county = applicant.residenceRegion().atLevel(RegionLevel.COUNTY);
      received = county == null ? competent : organisations.officeAt("government-services", county).orElse(competent);
    } else {
      received = competent;
    }
    var id = new CaseId(UUID.randomUUID());
    var today = LocalDate.now(CHINA);
    var limit = spec.promisedLimit();
    // The statutory clock runs from 受理. 即办件 are accepted and decided in one step, so theirs starts at filing.
    LocalDate due = spec.workflow() == ItemSpec.Workflow.IMMEDIATE
        ? clock.due(today, limit.amount(), limit.unit() == ItemSpec.DayUnit.WORKING_DAYS) : null;
    boolean inserted = files.insert(new CaseFiles.NewRow(id, number(competent.region(), today), item.code(),
        item.version(), spec.name(), spec.department(), spec.workflow().name(), applicant.id(), applicant.name(),
        filer.channel(), received.id(), received.region(), competent.id(), competent.region(),
        township == null ? null : township.id(), json.writeValueAsString(form), bundle, lifeEvent, filer.name(),
        blankToNull(a.authorisation()), a.idempotencyKey(), limit.amount(), limit.unit().name(), due));
    if (!inserted) return null;
    materials.collectHeld(id, spec, applicant);
    var variables = new HashMap<String, Object>();
    variables.put("receivedOffice", received.id().toString());
    variables.put("competentOffice", competent.id().toString());
    variables.put("townshipOffice", township == null ? "" : township.id().toString());
    variables.put("applicantGroup", applicantGroup(applicant.id()));
    variables.put("reviewSeats", REVIEW_SEATS);
    files.startedProcess(id, workflows.start(template(spec.workflow()), id.toString(), variables));
    String note = filer.office() == null ? null : "帮办代办，授权：" + a.authorisation();
    files.timeline(id, filer.name(), "submitted", CaseStatus.PRE_REVIEW, note, filer.office());
    audit.record("case.submitted", "case", id.toString(), competent.region(),
        Map.of("item", item.code() + "@" + item.version(), "channel", filer.channel().name(),
            "receivedBy", received.id().toString(), "competent", competent.id().toString()));
    return sync(id);
  }

  /**
   * The region that decides the competent office. A stated region (insured, work, chosen) must exist and lie within
   * the item's 通办范围: where it is offered, and for 全省 items the applicant's own province.
   */
  private RegionCode region(NewApplication a, ItemSpec spec, Resident applicant) {
    return switch (a.basis()) {
      case RESIDENCE -> applicant.residenceRegion();
      case HOUSEHOLD -> applicant.householdRegion();
      case INSURED, WORK, CHOSEN -> {
        var stated = a.region();
        if (stated == null) throw new InvalidApplication(spec.name(), List.of(FieldProblem.of("region", "required")));
        if (!regions.exists(stated)) throw new RegionNotAllowed(stated.value());
        boolean offered = spec.offeredIn().isEmpty()
            || spec.offeredIn().stream().anyMatch(p -> stated.value().startsWith(p));
        var province = stated.atLevel(RegionLevel.PROVINCE);
        boolean reach = spec.reach() == ItemSpec.Reach.跨省 || province == null
            || applicant.residenceRegion().isWithin(province) || applicant.householdRegion().isWithin(province);
        if (!offered || !reach) throw new RegionNotAllowed(stated.value());
        yield stated;
      }
    };
  }

  private Office competentOffice(ItemSpec spec, RegionCode region) {
    var at = region.atLevel(spec.level());
    if (at == null) throw new NoCompetentOffice(spec.name(), region.value());
    return organisations.officeAt(spec.department(), at)
        .orElseThrow(() -> new NoCompetentOffice(spec.name(), region.value()));
  }

  // ---------------------------------------------------------------- working a case

  /** Takes {@code action} on the step the case waits on at the caller's office (the row is locked first). */
  @Transactional
  public CaseFile act(CaseId id, CaseAction action, @Nullable String givenNote) {
    String note = blankToNull(givenNote);
    var caller = callers.current();
    var c = lockVisible(id, caller);
    var office = staffOffice(caller, id);
    var step = workflows.waitingOn(files.processOf(id), office.toString())
        .orElseThrow(() -> new WrongStep(c.status(), action.name()));
    var at = CaseStep.of(step.key()).orElseThrow(() -> new IllegalStateException("Unknown step " + step.key()));
    if (!at.allows(action)) throw new WrongStep(c.status(), action.name());
    if (action.reasonRequired() && note == null) throw new ReasonRequired(action.name());
    var spec = catalogue.version(c.item(), c.itemVersion()).spec();
    if (action == CaseAction.PASS) materials.requirePresent(c, spec);
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
      case APPROVE, DENY -> decide(c, action == CaseAction.APPROVE, now, today, note);
      case REFUSE -> files.finished(id, now);
      default -> { }
    }
    files.timeline(id, caller.name(), action.name(), c.status(), note, office);
    var after = sync(id);
    audit.record("case." + action.name().toLowerCase(), "case", id.toString(), c.competentRegion(),
        note == null ? Map.of() : Map.of("note", note));
    return after;
  }

  private void decide(CaseFile c, boolean approved, Instant now, LocalDate today, @Nullable String reason) {
    files.decided(c.id(), approved, now);
    var spec = catalogue.version(c.item(), c.itemVersion()).spec();
    if (approved) {
      var holder = residents.find(c.applicant()).orElseThrow();
      var issuer = organisations.find(c.competentOffice()).map(Office::name).orElse(c.department());
      certificates.issue(c, spec.result().type(), spec.result().name(), holder.name(), holder.idNumberMasked(), issuer);
    }
    boolean within = c.dueDate() == null || !today.isAfter(c.dueDate());
    events.publishEvent(new CaseDecided(c.id(), c.item(), c.department(), c.competentRegion(), approved, within, now));
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
    var step = workflows.waitingOn(files.processOf(id), applicantGroup(c.applicant()))
        .orElseThrow(() -> new WrongStep(c.status(), "SUPPLIED"));
    workflows.complete(step, "supplied");
    resumeClock(c);
    files.timeline(id, caller.name(), "SUPPLIED", c.status(), note,
        caller.office() == null ? null : OfficeId.of(caller.office()));
    audit.record("case.supplied", "case", id.toString(), c.competentRegion(),
        Map.of("by", applicant ? "applicant" : "receiving office"));
    return sync(id);
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
    workflows.reassign(files.processOf(id), from.toString(), to.toString());
    files.forwarded(id, to, target.region());
    files.timeline(id, caller.name(), "FORWARD", c.status(), reason.strip() + " → " + target.name(), from);
    audit.record("case.forwarded", "case", id.toString(), target.region(),
        Map.of("from", from.toString(), "to", to.toString(), "reason", reason.strip()));
    return sync(id);
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
    workflows.end(files.processOf(id), "withdrawn");
    files.timeline(id, caller.name(), "WITHDRAWN", CaseStatus.WITHDRAWN, reason, null);
    audit.record("case.withdrawn", "case", id.toString(), c.competentRegion(), Map.of("reason", reason.strip()));
    var after = files.find(id).orElseThrow();
    publishStatus(after);
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

  /** Reads the open Flowable steps and writes the case's status and whose turn it is (the row is locked). */
  private CaseFile sync(CaseId id) {
    var steps = workflows.open(files.processOf(id));
    var current = files.find(id).orElseThrow();
    CaseStatus status;
    OfficeId waitingOn = null;
    String waitingStep = null;
    if (steps.isEmpty()) {
      status = current.decision() == null && current.finishedAt() != null ? CaseStatus.NOT_ACCEPTED : CaseStatus.DELIVERED;
    } else {
      var step = steps.getFirst();
      status = CaseStep.of(step.key()).orElseThrow(() -> new IllegalStateException("Unknown step " + step.key()))
          .status();
      waitingStep = step.key();
      waitingOn = step.group() != null && !step.group().startsWith("person:") ? OfficeId.of(step.group()) : null;
    }
    var previous = files.moved(id, status, waitingOn, waitingStep);
    var after = files.find(id).orElseThrow();
    if (previous != status || after.version() == 1) {
      files.timelineStatus(id, status);
      publishStatus(after);
    }
    return after;
  }

  private void publishStatus(CaseFile c) {
    events.publishEvent(new CaseStatusChanged(c.id(), c.number(), c.applicant(), c.itemName(), c.status(), Instant.now()));
  }

  static String applicantGroup(PersonId person) {
    return "person:" + person;
  }

  private static String template(ItemSpec.Workflow workflow) {
    return switch (workflow) {
      case IMMEDIATE -> "immediate";
      case PROMISED -> "promised";
      case MULTI_LEVEL -> "multi-level";
      case JOINT -> "joint";
      case COUNTERSIGN -> "countersign";
      case ANY_SIGN -> "any-sign";
    };
  }

  /** 办件编号: county code, date, random serial; unique by constraint. */
  private static String number(RegionCode competent, LocalDate day) {
    return competent.countyCode() + "-" + day.toString().replace("-", "") + "-"
        + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
