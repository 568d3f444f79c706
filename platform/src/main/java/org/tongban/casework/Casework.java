package org.tongban.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.casework.internal.Certificates;
import org.tongban.casework.internal.Workflows;
import org.tongban.catalogue.ItemSpec;
import org.tongban.catalogue.ItemSpec.MaterialSource;
import org.tongban.catalogue.ItemVersion;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.identity.ResidentAccounts;
import org.tongban.organisation.Office;
import org.tongban.organisation.OfficeId;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.PersonId;
import org.tongban.person.Resident;
import org.tongban.person.Residents;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;
import org.tongban.shared.ResultPage;
import org.tongban.shared.WorkingDayCalendar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The casework front door. Residents apply for themselves; staff file for a resident (帮办代办) with the
 * resident's authorisation recorded, at their own office. The competent office is found from the item's
 * 行使层级 and the applicant's region; every step runs as a Flowable task waiting on one office.
 *
 * <p>Who sees a case: its applicant; staff of the office that received it, must decide it, or reviews it first
 * (township); and supervisors ({@code ROLE_SUPERVISOR}) whose view scope covers its competent region. Anyone
 * else gets "not found".
 */
@Service
@Transactional(readOnly = true)
public class Casework {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final String COLUMNS = "id, number, item_code, item_version, item_name, department, workflow,"
      + " applicant, applicant_name, channel, received_by, received_region, competent_office, competent_region,"
      + " township_office, status, waiting_on, waiting_step, decision, form, bundle, life_event, filed_by,"
      + " agent_authorisation, submitted_at, decided_at, finished_at, limit_days, limit_unit, due_date, paused_since,"
      + " generated, version";
  /** 会签 / 或签 review seats. */
  private static final List<String> REVIEW_SEATS = List.of("业务科室", "法规科室");

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final ServiceCatalogue catalogue;
  private final Residents residents;
  private final ResidentAccounts accounts;
  private final OrganisationDirectory organisations;
  private final Jurisdiction jurisdiction;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Workflows workflows;
  private final Certificates certificates;
  private final MaterialStore store;
  private final WorkingDayCalendar calendar = WorkingDayCalendar.official();

  Casework(JdbcClient jdbc, JsonMapper json, ServiceCatalogue catalogue, Residents residents, ResidentAccounts accounts,
           OrganisationDirectory organisations, Jurisdiction jurisdiction, AuditTrail audit,
           ApplicationEventPublisher events, Workflows workflows, Certificates certificates,
           MaterialStore store) {
    this.store = store;
    this.jdbc = jdbc;
    this.json = json;
    this.catalogue = catalogue;
    this.residents = residents;
    this.accounts = accounts;
    this.organisations = organisations;
    this.jurisdiction = jurisdiction;
    this.audit = audit;
    this.events = events;
    this.workflows = workflows;
    this.certificates = certificates;
  }

  // ---------------------------------------------------------------- applying

  /**
   * Files an application. A repeated submission with the same idempotency key by the same submitter returns the
   * first case and files nothing. Refuses an invalid form listing every problem, and an applicant without a
   * competent office in their region.
   */
  @Transactional
  public CaseFile apply(NewApplication a) {
    var filer = filer(a);
    if (a.idempotencyKey() != null) {
      var earlier = byIdempotencyKey(filer.name(), a.idempotencyKey());
      if (earlier.isPresent()) return earlier.get();
    }
    var item = catalogue.currentOrRefuse(a.item());
    var problems = catalogue.check(item, a.form());
    if (!problems.isEmpty()) throw new InvalidApplication(item.name(), problems);
    var applicant = residents.find(a.applicant()).orElseThrow(() -> new CaseNotFound("applicant"));
    try {
      return file(a, filer, item, applicant, a.form(), null, null);
    } catch (DuplicateKeyException e) {
      // Two identical submits raced: the other one won; answer with its case.
      return byIdempotencyKey(filer.name(), String.valueOf(a.idempotencyKey())).orElseThrow(() -> e);
    }
  }

  /**
   * 一件事: one merged form and one set of materials for a life event, filed as one case per item, tracked
   * together under one bundle id. Each case keeps only its item's fields.
   */
  @Transactional
  public List<CaseFile> applyForLifeEvent(String event, NewApplication a) {
    var filer = filer(a);
    var life = catalogue.lifeEvent(event);
    var combined = catalogue.combinedForm(life);
    if (a.idempotencyKey() != null) {
      var earlier = byIdempotencyKey(filer.name(), a.idempotencyKey() + "#0");
      if (earlier.isPresent()) return bundle(earlier.get().bundle());
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
      cases.add(file(single, filer, item, applicant, own, bundle, event));
    }
    return cases;
  }

  private record Filer(String name, @Nullable OfficeId office) {}

  private Filer filer(NewApplication a) {
    String name = principal();
    var person = accounts.currentPerson();
    if (person.isPresent()) {
      if (!person.get().equals(a.applicant())) throw new NotYourApplication();
      return new Filer(name, null);
    }
    String office = jurisdiction.officeId();
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (office == null && auth != null && auth.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("ROLE_RESIDENT"))) {
      throw new NotInRegistry();
    }
    if (office == null) throw new NotYourApplication();
    if (a.authorisation() == null || a.authorisation().isBlank()) throw new AuthorisationRequired();
    return new Filer(name, OfficeId.of(office));
  }

  private CaseFile file(NewApplication a, Filer filer, ItemVersion item, Resident applicant, JsonNode form,
                        @Nullable UUID bundle, @Nullable String lifeEvent) {
    var spec = item.spec();
    RegionCode region = switch (a.basis()) {
      case RESIDENCE -> applicant.residenceRegion();
      case HOUSEHOLD -> applicant.householdRegion();
      case INSURED, WORK, CHOSEN -> {
        if (a.region() == null) throw new InvalidApplication(spec.name(), List.of(FieldProblem.of("region", "required")));
        yield a.region();
      }
    };
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
      received = county == null ? competent
          : organisations.officeAt("government-services", county).orElse(competent);
    } else {
      received = competent;
    }
    var id = new CaseId(UUID.randomUUID());
    var today = LocalDate.now(CHINA);
    var limit = spec.promisedLimit();
    LocalDate due = due(today, limit.amount(), limit.unit().name(), 0);
    String number = number(competent.region(), today);
    jdbc.sql("insert into casework.case_file (id, number, item_code, item_version, item_name, department, workflow,"
            + " applicant, applicant_name, channel, received_by, received_region, competent_office, competent_region,"
            + " township_office, status, form, bundle, life_event, filed_by, agent_authorisation, idempotency_key,"
            + " limit_days, limit_unit, due_date)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id.value(), number, item.code(), item.version(), spec.name(), spec.department(), spec.workflow().name(),
            applicant.id().value(), applicant.name(), a.channel().name(), received.id().value(),
            received.region().value(), competent.id().value(), competent.region().value(),
            township == null ? null : township.id().value(), CaseStatus.PRE_REVIEW.name(), json.writeValueAsString(form),
            bundle, lifeEvent, filer.name(), blankToNull(a.authorisation()), a.idempotencyKey(), limit.amount(),
            limit.unit().name(), due)
        .update();
    collectHeldMaterials(id, spec, applicant);
    var variables = new HashMap<String, Object>();
    variables.put("receivedOffice", received.id().toString());
    variables.put("competentOffice", competent.id().toString());
    variables.put("townshipOffice", township == null ? "" : township.id().toString());
    variables.put("applicantGroup", applicantGroup(applicant.id()));
    variables.put("reviewSeats", REVIEW_SEATS);
    String process = workflows.start(template(spec.workflow()), id.toString(), variables);
    jdbc.sql("update casework.case_file set process_instance = ? where id = ?").params(process, id.value()).update();
    String note = filer.office() == null ? null : "帮办代办，授权：" + a.authorisation();
    timeline(id, "submitted", CaseStatus.PRE_REVIEW, note, filer.office());
    audit.record("case.submitted", "case", id.toString(), competent.region(),
        Map.of("item", item.code() + "@" + item.version(), "channel", a.channel().name(),
            "receivedBy", received.id().toString(), "competent", competent.id().toString()));
    return sync(id, null);
  }

  private Office competentOffice(ItemSpec spec, RegionCode region) {
    var at = region.atLevel(spec.level());
    if (at == null) throw new NoCompetentOffice(spec.name(), region.value());
    return organisations.officeAt(spec.department(), at)
        .orElseThrow(() -> new NoCompetentOffice(spec.name(), region.value()));
  }

  /** Government-held materials are fetched, never asked for (免提交); e-certificates the platform issued are linked. */
  private void collectHeldMaterials(CaseId id, ItemSpec spec, Resident applicant) {
    for (var m : spec.materials()) {
      if (m.source() == MaterialSource.RESIDENT) continue;
      String fetched;
      if (m.source() == MaterialSource.GOVERNMENT) {
        fetched = m.heldAs() + "（" + (m.heldAs() != null && m.heldAs().startsWith("person.") ? "人口库已核验" : "共享交换调取") + "）";
      } else {
        String kind = m.heldAs() == null ? "" : m.heldAs().replaceFirst("^cert\\.", "");
        fetched = jdbc.sql("select c.code from casework.certificate c join casework.case_file f on f.id = c.case_id"
                + " where f.applicant = ? and f.item_code = ? and c.revoked_at is null order by c.issued_at desc limit 1")
            .params(applicant.id().value(), kind).query(String.class).optional()
            .map(code -> "电子证照 " + code).orElse(m.heldAs() + "（电子证照库调取）");
      }
      jdbc.sql("insert into casework.material (id, case_id, code, name, source, fetched_from) values (?, ?, ?, ?, ?, ?)")
          .params(UUID.randomUUID(), id.value(), m.code(), m.name(), m.source().name(), fetched).update();
    }
  }

  // ---------------------------------------------------------------- working a case

  /** Completes the step the case waits on at the caller's office with {@code action}. */
  @Transactional
  public CaseFile act(CaseId id, CaseAction action, @Nullable String givenNote) {
    String note = blankToNull(givenNote);
    var c = lockForStaff(id);
    var office = staffOffice();
    var step = workflows.waitingOn(processOf(id), office.toString())
        .orElseThrow(() -> new WrongStep(c.status().zh(), action.name()));
    boolean reasonRequired = Set.of(CaseAction.SUPPLEMENT, CaseAction.REFUSE, CaseAction.RETURN, CaseAction.OBJECT,
        CaseAction.DENY).contains(action);
    if (reasonRequired && (note == null || note.isBlank())) throw new ReasonRequired(action.name());
    String outcome = switch (step.key()) {
      case "preReview" -> switch (action) {
        case PASS -> {
          requireResidentMaterials(c);
          yield "pass";
        }
        case SUPPLEMENT -> "supplement";
        case REFUSE -> "refuse";
        default -> throw new WrongStep(c.status().zh(), action.name());
      };
      case "accept" -> switch (action) {
        case ACCEPT -> "accept";
        case SUPPLEMENT -> "supplement";
        case REFUSE -> "refuse";
        case RETURN -> "return";
        default -> throw new WrongStep(c.status().zh(), action.name());
      };
      case "handle" -> switch (action) {
        case APPROVE -> "approve";
        case DENY -> "deny";
        case REFUSE -> "refuse";
        case RETURN -> "return";
        default -> throw new WrongStep(c.status().zh(), action.name());
      };
      case "townshipReview", "review" -> switch (action) {
        case AGREE, OBJECT -> {
          boolean seatTaken = jdbc.sql("select exists(select 1 from casework.case_event where case_id = ?"
                  + " and actor = ? and action in ('AGREE', 'OBJECT') and status = ?)")
              .params(id.value(), principal(), c.status().name()).query(Boolean.class).single();
          // 会签: one person takes one seat; two seats need two people.
          if (seatTaken && c.workflow().equals("COUNTERSIGN")) throw new SeatTaken();
          yield "done";
        }
        default -> throw new WrongStep(c.status().zh(), action.name());
      };
      case "decide" -> switch (action) {
        case APPROVE -> "approve";
        case DENY -> "deny";
        default -> throw new WrongStep(c.status().zh(), action.name());
      };
      case "deliver" -> {
        if (action != CaseAction.DELIVER) throw new WrongStep(c.status().zh(), action.name());
        yield "delivered";
      }
      default -> throw new WrongStep(c.status().zh(), action.name());
    };
    workflows.complete(step, outcome);
    var now = Timestamp.from(Instant.now());
    var today = LocalDate.now(CHINA);
    switch (action) {
      case SUPPLEMENT -> jdbc.sql("update casework.case_file set paused_since = ? where id = ?").params(today, id.value()).update();
      case ACCEPT -> jdbc.sql("update casework.case_file set accepted_at = ? where id = ?").params(now, id.value()).update();
      case APPROVE, DENY -> decide(c, action == CaseAction.APPROVE, now, today);
      default -> { }
    }
    if (action == CaseAction.REFUSE) {
      jdbc.sql("update casework.case_file set finished_at = ? where id = ?").params(now, id.value()).update();
    }
    timeline(id, action.name(), null, note, office);
    var after = sync(id, action == CaseAction.REFUSE ? CaseStatus.NOT_ACCEPTED : CaseStatus.DELIVERED);
    audit.record("case." + action.name().toLowerCase(), "case", id.toString(), c.competentRegion(),
        note == null ? Map.of() : Map.of("note", note));
    return after;
  }

  private void decide(CaseFile c, boolean approved, Timestamp now, LocalDate today) {
    jdbc.sql("update casework.case_file set decision = ?, decided_at = ? where id = ?")
        .params(approved ? "APPROVED" : "DENIED", now, c.id().value()).update();
    if (approved) {
      var spec = catalogue.version(c.item(), c.itemVersion()).spec();
      var holder = residents.find(c.applicant()).orElseThrow();
      var issuer = organisations.find(c.competentOffice()).map(Office::name).orElse(c.department());
      certificates.issue(c, spec.result().type(), spec.result().name(), holder.name(), holder.idNumberMasked(), issuer);
    }
    boolean within = c.dueDate() == null || !today.isAfter(c.dueDate());
    events.publishEvent(new CaseDecided(c.id(), c.item(), c.department(), c.competentRegion(), approved, within,
        now.toInstant()));
  }

  private void requireResidentMaterials(CaseFile c) {
    var spec = catalogue.version(c.item(), c.itemVersion()).spec();
    var present = new java.util.HashSet<>(jdbc.sql("select code from casework.material where case_id = ?")
        .param(c.id().value()).query(String.class).list());
    var missing = spec.materials().stream().filter(m -> m.required() && !present.contains(m.code()))
        .map(m -> FieldProblem.of(m.code(), "material-missing", m.name())).toList();
    if (!missing.isEmpty()) throw new InvalidApplication(c.itemName(), missing);
  }

  /** Largest material accepted, and the kinds recognised by their first bytes (never by name or header). */
  public static final int MAX_MATERIAL_BYTES = 10 * 1024 * 1024;

  /**
   * Adds a material the applicant provides (an item's RESIDENT material) to an open case: by the applicant, or by
   * staff of the receiving office. Only PDF, PNG and JPEG, recognised by content, up to 10 MiB.
   */
  @Transactional
  public MaterialEntry attach(CaseId id, String code, byte[] content) {
    var c = require(id);
    boolean applicant = accounts.currentPerson().map(p -> p.equals(c.applicant())).orElse(false);
    if (!applicant && !c.receivedBy().toString().equals(jurisdiction.officeId())) throw new CaseNotFound(id.toString());
    if (!c.status().open()) throw new WrongStep(c.status().zh(), "ATTACH");
    var material = catalogue.version(c.item(), c.itemVersion()).spec().materials().stream()
        .filter(m -> m.code().equals(code) && m.source() == MaterialSource.RESIDENT).findFirst()
        .orElseThrow(() -> new UnknownMaterial(code));
    if (content.length == 0 || content.length > MAX_MATERIAL_BYTES) throw new MaterialTooLarge(MAX_MATERIAL_BYTES / 1024 / 1024);
    String type = sniff(content);
    if (type == null) throw new MaterialType();
    String key;
    try {
      key = store.put("materials", content);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var materialId = UUID.randomUUID();
    jdbc.sql("insert into casework.material (id, case_id, code, name, source, storage_key, content_type, size_bytes, sha256)"
            + " values (?, ?, ?, ?, 'RESIDENT', ?, ?, ?, ?)")
        .params(materialId, id.value(), code, material.name(), key, type, (long) content.length,
            java.util.HexFormat.of().formatHex(sha256(content)))
        .update();
    timeline(id, "MATERIAL_ADDED", null, material.name(), applicant ? null : staffOffice());
    audit.record("case.material-added", "case", id.toString(), c.competentRegion(), Map.of("material", code,
        "bytes", String.valueOf(content.length), "type", type, "by", applicant ? "applicant" : "receiving office"));
    return materials(id).stream().filter(m -> m.id().equals(materialId)).findFirst().orElseThrow();
  }

  static @Nullable String sniff(byte[] b) {
    if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') return "application/pdf";
    if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "image/png";
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) return "image/jpeg";
    return null;
  }

  private static byte[] sha256(byte[] content) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(content);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The applicant (or staff of the receiving office for them) has supplied what was asked; the clock resumes
   * and the step that asked runs again.
   */
  @Transactional
  public CaseFile supplied(CaseId id, @Nullable String givenNote) {
    String note = blankToNull(givenNote);
    var c = require(id);
    if (c.status() != CaseStatus.SUPPLEMENT) throw new WrongStep(c.status().zh(), "SUPPLIED");
    boolean applicant = accounts.currentPerson().map(p -> p.equals(c.applicant())).orElse(false);
    var office = jurisdiction.officeId();
    if (!applicant && !c.receivedBy().toString().equals(office)) throw new CaseNotFound(id.toString());
    var step = workflows.waitingOn(processOf(id), applicantGroup(c.applicant())).orElseThrow();
    workflows.complete(step, "supplied");
    resumeClock(c);
    timeline(id, "SUPPLIED", null, note, office == null ? null : OfficeId.of(office));
    audit.record("case.supplied", "case", id.toString(), c.competentRegion(),
        Map.of("by", applicant ? "applicant" : "receiving office"));
    return sync(id, null);
  }

  /**
   * 转办: before acceptance, the competent office (or the receiving office during pre-check) hands the case to
   * another office of the same department that is competent instead. The reason is kept in the timeline.
   */
  @Transactional
  public CaseFile forward(CaseId id, OfficeId to, String reason) {
    var c = lockForStaff(id);
    if (reason == null || reason.isBlank()) throw new ReasonRequired("FORWARD");
    if (c.status() != CaseStatus.PRE_REVIEW && c.status() != CaseStatus.AWAITING_ACCEPTANCE) {
      throw new WrongStep(c.status().zh(), "FORWARD");
    }
    var target = organisations.find(to).orElseThrow(() -> new CaseNotFound(to.toString()));
    if (!target.department().equals(c.department())) throw new WrongDepartment(target.name());
    workflows.reassignCompetent(processOf(id), c.competentOffice().toString(), to.toString());
    jdbc.sql("update casework.case_file set competent_office = ?, competent_region = ? where id = ?")
        .params(to.value(), target.region().value(), id.value()).update();
    timeline(id, "FORWARD", null, reason + " → " + target.name(), staffOffice());
    audit.record("case.forwarded", "case", id.toString(), target.region(), Map.of("to", to.toString(), "reason", reason));
    return sync(id, null);
  }

  /** 撤回: the applicant withdraws a case that has not been decided. */
  @Transactional
  public CaseFile withdraw(CaseId id, String reason) {
    var c = require(id);
    boolean applicant = accounts.currentPerson().map(p -> p.equals(c.applicant())).orElse(false);
    if (!applicant) throw new NotYourApplication();
    if (!c.status().open() || c.decision() != null) throw new WrongStep(c.status().zh(), "WITHDRAW");
    workflows.end(processOf(id), "withdrawn");
    jdbc.sql("update casework.case_file set status = 'WITHDRAWN', waiting_on = null, waiting_step = null,"
        + " finished_at = now(), version = version + 1 where id = ?").param(id.value()).update();
    timeline(id, "WITHDRAWN", CaseStatus.WITHDRAWN, reason, null);
    audit.record("case.withdrawn", "case", id.toString(), c.competentRegion(), Map.of("reason", reason.strip()));
    publishStatus(find(id).orElseThrow());
    return find(id).orElseThrow();
  }

  /** Special procedures (检验、检测、鉴定、听证、专家评审) stop the clock while they run; the office must say why. */
  @Transactional
  public CaseFile suspendClock(CaseId id, String reason) {
    var c = lockForStaff(id);
    if (!c.competentOffice().toString().equals(jurisdiction.officeId())) throw new CaseNotFound(id.toString());
    if (reason == null || reason.isBlank()) throw new ReasonRequired("SUSPEND");
    if (c.pausedSince() == null && c.status().open()) {
      jdbc.sql("update casework.case_file set paused_since = ? where id = ?").params(LocalDate.now(CHINA), id.value()).update();
      timeline(id, "CLOCK_SUSPENDED", null, reason, staffOffice());
    }
    return find(id).orElseThrow();
  }

  @Transactional
  public CaseFile resumeClock(CaseId id) {
    var c = lockForStaff(id);
    if (!c.competentOffice().toString().equals(jurisdiction.officeId())) throw new CaseNotFound(id.toString());
    resumeClock(c);
    timeline(id, "CLOCK_RESUMED", null, null, staffOffice());
    return find(id).orElseThrow();
  }

  private void resumeClock(CaseFile c) {
    if (c.pausedSince() == null) return;
    var today = LocalDate.now(CHINA);
    boolean working = c.limitUnit().equals("WORKING_DAYS");
    int paused = working ? calendar.workingDaysBetween(c.pausedSince(), today)
        : (int) java.time.temporal.ChronoUnit.DAYS.between(c.pausedSince(), today);
    jdbc.sql("update casework.case_file set paused_days = paused_days + ?, paused_since = null,"
            + " due_date = ? where id = ?")
        .params(paused, c.dueDate() == null ? null : due(c.dueDate(), paused, c.limitUnit(), 0), c.id().value()).update();
  }

  /** The day a limit ends: working days on the official calendar, or natural days. */
  LocalDate due(LocalDate from, int amount, String unit, int extra) {
    return unit.equals("WORKING_DAYS") ? calendar.addWorkingDays(from, amount + extra) : from.plusDays(amount + extra);
  }

  // ---------------------------------------------------------------- reading

  /** One case, if the caller may see it; otherwise "not found". */
  public CaseFile view(CaseId id) {
    return require(id);
  }

  public List<TimelineEntry> timeline(CaseId id) {
    require(id);
    return jdbc.sql("select e.at, e.actor, e.office, e.action, e.status, e.note from casework.case_event e"
            + " where e.case_id = ? order by e.id")
        .param(id.value())
        .query((rs, i) -> new TimelineEntry(rs.getTimestamp(1).toInstant(), rs.getString(2),
            rs.getObject(3, UUID.class) == null ? null : officeName(rs.getObject(3, UUID.class)), rs.getString(4),
            CaseStatus.valueOf(rs.getString(5)), rs.getString(6)))
        .list();
  }

  public List<MaterialEntry> materials(CaseId id) {
    require(id);
    return jdbc.sql("select id, code, name, source, content_type, size_bytes, fetched_from, added_at"
            + " from casework.material where case_id = ? order by added_at, code")
        .param(id.value())
        .query((rs, i) -> new MaterialEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
            MaterialSource.valueOf(rs.getString(4)), rs.getString(5), (Long) rs.getObject(6), rs.getString(7),
            rs.getTimestamp(8).toInstant()))
        .list();
  }

  /** The signed-in resident's cases, newest first. */
  public ResultPage<CaseFile> myCases(int page, int size) {
    var person = accounts.currentPerson().orElseThrow(NotYourApplication::new);
    int p = ResultPage.page(page);
    int s = ResultPage.size(size);
    long total = jdbc.sql("select count(*) from casework.case_file where applicant = ?").param(person.value())
        .query(Long.class).single();
    var items = jdbc.sql("select " + COLUMNS + " from casework.case_file where applicant = ?"
            + " order by submitted_at desc, id offset ? limit ?")
        .params(person.value(), p * s, s).query(this::map).list();
    return new ResultPage<>(items, p, s, total);
  }

  /** The caller's office's queue: cases waiting on it, nearest due date first. */
  public ResultPage<CaseFile> queue(int page, int size) {
    var office = staffOffice();
    int p = ResultPage.page(page);
    int s = ResultPage.size(size);
    long total = jdbc.sql("select count(*) from casework.case_file where waiting_on = ?").param(office.value())
        .query(Long.class).single();
    var items = jdbc.sql("select " + COLUMNS + " from casework.case_file where waiting_on = ?"
            + " order by due_date nulls last, submitted_at offset ? limit ?")
        .params(office.value(), p * s, s).query(this::map).list();
    return new ResultPage<>(items, p, s, total);
  }

  /** Cases the caller's office took in (including those forwarded elsewhere), newest first. */
  public ResultPage<CaseFile> received(int page, int size) {
    var office = staffOffice();
    int p = ResultPage.page(page);
    int s = ResultPage.size(size);
    long total = jdbc.sql("select count(*) from casework.case_file where received_by = ?").param(office.value())
        .query(Long.class).single();
    var items = jdbc.sql("select " + COLUMNS + " from casework.case_file where received_by = ?"
            + " order by submitted_at desc offset ? limit ?")
        .params(office.value(), p * s, s).query(this::map).list();
    return new ResultPage<>(items, p, s, total);
  }

  /**
   * Supervision (效能监察): open cases in the supervisor's jurisdiction whose due date is within
   * {@code withinWorkingDays} working days or past, most overdue first.
   */
  public ResultPage<CaseFile> nearOrPastLimit(int withinWorkingDays, int page, int size) {
    requireSupervisor();
    // Region and department both, as for opening one case (mayView).
    var scope = jurisdiction.condition(Purpose.SEARCH, "competent_region", "department");
    int p = ResultPage.page(page);
    int s = ResultPage.size(size);
    if (scope.isEmpty()) return new ResultPage<>(List.of(), p, s, 0);
    var horizon = calendar.addWorkingDays(LocalDate.now(CHINA), Math.max(0, Math.min(withinWorkingDays, 60)));
    String where = " where " + scope.sql() + " and finished_at is null and status not in ('WITHDRAWN')"
        + " and due_date <= ?";
    var args = new ArrayList<Object>(scope.parameters());
    args.add(horizon);
    long total = jdbc.sql("select count(*) from casework.case_file" + where).params(args).query(Long.class).single();
    args.add(p * s);
    args.add(s);
    var items = jdbc.sql("select " + COLUMNS + " from casework.case_file" + where
            + " order by due_date, submitted_at offset ? limit ?")
        .params(args).query(this::map).list();
    return new ResultPage<>(items, p, s, total);
  }

  /** Cases filed together for one life event. */
  public List<CaseFile> bundle(@Nullable UUID bundle) {
    if (bundle == null) return List.of();
    return jdbc.sql("select " + COLUMNS + " from casework.case_file where bundle = ? order by item_code")
        .param(bundle).query(this::map).list().stream().filter(this::mayView).toList();
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

  /** The staff member's office, or refuse. */
  private OfficeId staffOffice() {
    String office = jurisdiction.officeId();
    if (office == null) throw new CaseNotFound("office");
    return OfficeId.of(office);
  }

  // ---------------------------------------------------------------- internals shared with the module

  /** A case without any access check (the module's own listeners). */
  public Optional<CaseFile> find(CaseId id) {
    return jdbc.sql("select " + COLUMNS + " from casework.case_file where id = ?").param(id.value())
        .query(this::map).optional();
  }

  CaseFile require(CaseId id) {
    var c = find(id).orElseThrow(() -> new CaseNotFound(id.toString()));
    if (!mayView(c)) throw new CaseNotFound(id.toString());
    return c;
  }

  private CaseFile lockForStaff(CaseId id) {
    jdbc.sql("select 1 from casework.case_file where id = ? for update").param(id.value()).query(Integer.class).optional();
    var c = require(id);
    if (jurisdiction.officeId() == null) throw new CaseNotFound(id.toString());
    return c;
  }

  boolean mayView(CaseFile c) {
    var person = accounts.currentPerson();
    if (person.isPresent()) return person.get().equals(c.applicant());
    String office = jurisdiction.officeId();
    if (office != null && (office.equals(c.receivedBy().toString()) || office.equals(c.competentOffice().toString())
        || (c.townshipOffice() != null && office.equals(c.townshipOffice().toString())))) {
      return true;
    }
    return isSupervisor() && jurisdiction.allows(c.competentRegion(), c.department(), Purpose.VIEW);
  }

  private static boolean isSupervisor() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_SUPERVISOR"));
  }

  private void requireSupervisor() {
    if (!isSupervisor()) throw new NotSupervisor();
  }

  /** Reads the open Flowable steps and writes the case's status and whose turn it is. */
  private CaseFile sync(CaseId id, @Nullable CaseStatus endedAs) {
    var steps = workflows.open(processOf(id));
    CaseStatus status;
    String waitingOn = null;
    String waitingStep = null;
    if (steps.isEmpty()) {
      status = endedAs == null ? CaseStatus.DELIVERED : endedAs;
    } else {
      var step = steps.getFirst();
      status = switch (step.key()) {
        case "preReview" -> CaseStatus.PRE_REVIEW;
        case "supplementPre", "supplementAccept" -> CaseStatus.SUPPLEMENT;
        case "accept", "handle" -> CaseStatus.AWAITING_ACCEPTANCE;
        case "townshipReview", "review" -> CaseStatus.UNDER_REVIEW;
        case "decide" -> CaseStatus.AWAITING_DECISION;
        case "deliver" -> CaseStatus.AWAITING_DELIVERY;
        default -> throw new IllegalStateException("Unknown step " + step.key());
      };
      waitingStep = step.key();
      waitingOn = step.group() != null && !step.group().startsWith("person:") ? step.group() : null;
    }
    // One statement writes the new status and hands back the old one (the row is ours for this transaction).
    String previous = jdbc.sql("update casework.case_file c set status = ?, waiting_on = ?, waiting_step = ?,"
            + " version = c.version + 1,"
            + " finished_at = case when ? then coalesce(c.finished_at, now()) else c.finished_at end"
            + " from (select id, status from casework.case_file where id = ? for update) old"
            + " where c.id = old.id returning old.status")
        .params(status.name(), waitingOn == null ? null : UUID.fromString(waitingOn), waitingStep, !status.open(),
            id.value())
        .query(String.class).single();
    var after = find(id).orElseThrow();
    boolean submitted = after.version() == 1;
    if (!previous.equals(status.name()) || submitted) {
      jdbc.sql("update casework.case_event set status = ? where id = (select max(id) from casework.case_event"
          + " where case_id = ?)").params(status.name(), id.value()).update();
      publishStatus(after);
    }
    return after;
  }

  private void publishStatus(CaseFile c) {
    events.publishEvent(new CaseStatusChanged(c.id(), c.number(), c.applicant(), c.itemName(), c.status(), Instant.now()));
  }

  private void timeline(CaseId id, String action, @Nullable CaseStatus status, @Nullable String note,
                        @Nullable OfficeId office) {
    var current = status != null ? status
        : jdbc.sql("select status from casework.case_file where id = ?").param(id.value()).query(String.class)
            .optional().map(CaseStatus::valueOf).orElse(CaseStatus.PRE_REVIEW);
    jdbc.sql("insert into casework.case_event (case_id, actor, office, action, status, note) values (?, ?, ?, ?, ?, ?)")
        .params(id.value(), principal(), office == null ? null : office.value(), action, current.name(), note).update();
  }

  private String processOf(CaseId id) {
    return jdbc.sql("select process_instance from casework.case_file where id = ?").param(id.value())
        .query(String.class).single();
  }

  private Optional<CaseFile> byIdempotencyKey(String filer, String key) {
    return jdbc.sql("select " + COLUMNS + " from casework.case_file where filed_by = ? and idempotency_key = ?")
        .params(filer, key).query(this::map).optional();
  }

  private String officeName(UUID office) {
    return organisations.find(new OfficeId(office)).map(Office::name).orElse(office.toString());
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

  private static String principal() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null ? "platform" : auth.getName();
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private CaseFile map(ResultSet rs, int i) throws SQLException {
    return new CaseFile(new CaseId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3), rs.getInt(4),
        rs.getString(5), rs.getString(6), rs.getString(7), new PersonId(rs.getObject(8, UUID.class)), rs.getString(9),
        Channel.valueOf(rs.getString(10)), new OfficeId(rs.getObject(11, UUID.class)), new RegionCode(rs.getString(12)),
        new OfficeId(rs.getObject(13, UUID.class)), new RegionCode(rs.getString(14)),
        rs.getObject(15, UUID.class) == null ? null : new OfficeId(rs.getObject(15, UUID.class)),
        CaseStatus.valueOf(rs.getString(16)),
        rs.getObject(17, UUID.class) == null ? null : new OfficeId(rs.getObject(17, UUID.class)), rs.getString(18),
        rs.getString(19), json.readTree(rs.getString(20)), rs.getObject(21, UUID.class), rs.getString(22),
        rs.getString(23), rs.getString(24), rs.getTimestamp(25).toInstant(),
        rs.getTimestamp(26) == null ? null : rs.getTimestamp(26).toInstant(),
        rs.getTimestamp(27) == null ? null : rs.getTimestamp(27).toInstant(), rs.getInt(28), rs.getString(29),
        rs.getObject(30, LocalDate.class), rs.getObject(31, LocalDate.class), rs.getBoolean(32), rs.getInt(33));
  }

  /** One step in a case's history; {@code office} is the office's name. */
  public record TimelineEntry(Instant at, String actor, @Nullable String office, String action, CaseStatus status,
                              @Nullable String note) {}

  /** A material of a case: uploaded by the resident, or fetched from data the government holds. */
  public record MaterialEntry(UUID id, String code, String name, MaterialSource source, @Nullable String contentType,
                              @Nullable Long size, @Nullable String fetchedFrom, Instant addedAt) {}

  public static final class InvalidApplication extends Refusal {
    InvalidApplication(String item, List<FieldProblem> problems) {
      super("casework.invalid-application", 400, problems, item);
    }
  }

  public static final class CaseNotFound extends Refusal {
    CaseNotFound(String id) {
      super("casework.case-not-found", 404, id);
    }
  }

  public static final class NotYourApplication extends Refusal {
    public NotYourApplication() {
      super("casework.not-your-application", 403);
    }
  }

  public static final class NotInRegistry extends Refusal {
    NotInRegistry() {
      super("casework.not-in-registry", 409);
    }
  }

  public static final class AuthorisationRequired extends Refusal {
    AuthorisationRequired() {
      super("casework.authorisation-required", 400);
    }
  }

  public static final class NoCompetentOffice extends Refusal {
    NoCompetentOffice(String item, String region) {
      super("casework.no-competent-office", 422, item, region);
    }
  }

  public static final class WrongStep extends Refusal {
    WrongStep(String status, String action) {
      super("casework.wrong-step", 409, status, action);
    }
  }

  public static final class ReasonRequired extends Refusal {
    ReasonRequired(String action) {
      super("casework.reason-required", 400, action);
    }
  }

  public static final class SeatTaken extends Refusal {
    SeatTaken() {
      super("casework.seat-taken", 409);
    }
  }

  public static final class WrongDepartment extends Refusal {
    WrongDepartment(String office) {
      super("casework.wrong-department", 400, office);
    }
  }

  public static final class UnknownMaterial extends Refusal {
    UnknownMaterial(String code) {
      super("casework.unknown-material", 400, code);
    }
  }

  public static final class MaterialTooLarge extends Refusal {
    MaterialTooLarge(int mebibytes) {
      super("casework.material-too-large", 413, mebibytes);
    }
  }

  public static final class MaterialType extends Refusal {
    MaterialType() {
      super("casework.material-type", 415);
    }
  }

  public static final class NotSupervisor extends Refusal {
    NotSupervisor() {
      super("casework.not-supervisor", 403);
    }
  }
}
