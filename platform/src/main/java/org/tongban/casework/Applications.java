package org.tongban.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.audit.AuditTrail;
import org.tongban.casework.CaseRefusals.AuthorisationRequired;
import org.tongban.casework.CaseRefusals.CaseNotFound;
import org.tongban.casework.CaseRefusals.ChannelNotAllowed;
import org.tongban.casework.CaseRefusals.InvalidApplication;
import org.tongban.casework.CaseRefusals.NoCompetentOffice;
import org.tongban.casework.CaseRefusals.NotForRelatives;
import org.tongban.casework.CaseRefusals.NotInRegistry;
import org.tongban.casework.CaseRefusals.NotYourApplication;
import org.tongban.casework.CaseRefusals.RegionNotAllowed;
import org.tongban.casework.internal.CaseFiles;
import org.tongban.casework.internal.CaseMaterials;
import org.tongban.casework.internal.CaseProgress;
import org.tongban.casework.internal.FilingFor;
import org.tongban.casework.internal.ProcessStarts;
import org.tongban.catalogue.ItemSpec;
import org.tongban.catalogue.ItemVersion;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.organisation.Office;
import org.tongban.organisation.OfficeId;
import org.tongban.organisation.OfficeKind;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Resident;
import org.tongban.person.Residents;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;
import org.tongban.shared.Relation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Filing (申请, 帮办代办): residents apply for themselves online; staff file for a resident with the resident's
 * authorisation recorded, at their own office. The competent office is found from the item's 行使层级 and the
 * applicant's region; the case's process is queued and starts a moment later ({@link ProcessStarts}). Working a filed case is {@link Casework}'s.
 */
@Service
@Transactional(readOnly = true)
public class Applications {

  /** The channels an applicant filing for themselves arrives by. */
  private static final Set<Channel> ONLINE = Set.of(Channel.WEB, Channel.MOBILE);
  /** The relation as the timeline's note says it (the timeline is kept in Chinese, like the paper file). */
  private static final Map<Relation, String> RELATION_WORDS = Map.of(Relation.CHILD, "子女", Relation.PARENT, "父母",
      Relation.SPOUSE, "配偶");

  private final CaseFiles files;
  private final CaseQueries queries;
  private final CaseMaterials materials;
  private final CaseProgress progress;
  private final JsonMapper json;
  private final ServiceCatalogue catalogue;
  private final Residents residents;
  private final FilingFor filingFor;
  private final OrganisationDirectory organisations;
  private final RegionDirectory regions;
  private final Callers callers;
  private final AuditTrail audit;
  private final ProcessStarts starts;
  private final DeadlineClock clock = DeadlineClock.official();

  Applications(CaseFiles files, CaseQueries queries, CaseMaterials materials, CaseProgress progress, JsonMapper json,
               ServiceCatalogue catalogue, Residents residents, FilingFor filingFor, OrganisationDirectory organisations,
               RegionDirectory regions, Callers callers, AuditTrail audit, ProcessStarts starts) {
    this.filingFor = filingFor;
    this.files = files;
    this.queries = queries;
    this.materials = materials;
    this.progress = progress;
    this.json = json;
    this.catalogue = catalogue;
    this.residents = residents;
    this.organisations = organisations;
    this.regions = regions;
    this.callers = callers;
    this.audit = audit;
    this.starts = starts;
  }

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
    var applicant = residents.find(a.applicant()).orElseThrow(() -> new CaseNotFound("applicant"));
    var subject = filingFor.resolve(item.spec(), applicant, a.subject(), a.unit());
    // What the registry holds about the relative or the unit is taken from it, not as typed.
    var form = filingFor.held(item.spec(), a.form(), subject);
    var problems = catalogue.check(item, form);
    if (!problems.isEmpty()) throw new InvalidApplication(item.name(), problems);
    var filed = file(a, filer, item, applicant, subject, form, null, null);
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
    // A life event is one's own (出生一件事 is filed by the parent for a child the registry does not hold yet).
    if (a.subject() != null && !a.subject().equals(a.applicant())) throw new NotForRelatives(life.name());
    if (callers.current().resident() && callers.current().actingUnit() != null) {
      throw new CaseRefusals.NotForUnits(life.name());
    }
    var problems = catalogue.check("life-event:" + event + ":" + combined.items().hashCode(), combined.schema(), a.form());
    if (!problems.isEmpty()) throw new InvalidApplication(life.name(), problems);
    var applicant = residents.find(a.applicant()).orElseThrow(() -> new CaseNotFound("applicant"));
    var self = new FilingFor.For(applicant, null, null, null);
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
      var filed = file(single, filer, item, applicant, self, own, bundle, event);
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
      // A terminal is one only when the platform signed it (KioskTerminals), never because a request says so.
      boolean terminal = a.channel() == Channel.KIOSK && caller.kiosk() != null;
      if (!ONLINE.contains(a.channel()) && !terminal) throw new ChannelNotAllowed(a.channel().name());
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

  private @Nullable CaseFile file(NewApplication a, Filer filer, ItemVersion item, Resident applicant,
                                  FilingFor.For subject, JsonNode form, @Nullable UUID bundle, @Nullable String lifeEvent) {
    var spec = item.spec();
    // Where the case belongs and what the registry holds follow whom it is for (the child's village, the unit's).
    RegionCode region = subject.unitRegion() != null && a.basis() == RegionBasis.RESIDENCE ? subject.unitRegion()
        : region(a, spec, subject.person());
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
    var today = LocalDate.now(Casework.CHINA);
    var limit = spec.promisedLimit();
    // The statutory clock runs from 受理. 即办件 are accepted and decided in one step, so theirs starts at filing.
    LocalDate due = spec.workflow() == ItemSpec.Workflow.IMMEDIATE
        ? clock.due(today, limit.amount(), limit.unit() == ItemSpec.DayUnit.WORKING_DAYS) : null;
    boolean inserted = files.insert(new CaseFiles.NewRow(id, files.nextNumber(competent.region().countyCode(), today), item.code(),
        item.version(), spec.name(), spec.department(), spec.workflow().name(), applicant.id(), applicant.name(),
        filer.channel(), received.id(), received.region(), competent.id(), competent.region(),
        township == null ? null : township.id(), json.writeValueAsString(form), bundle, lifeEvent, filer.name(),
        blankToNull(a.authorisation()), a.idempotencyKey(), limit.amount(), limit.unit().name(), due,
        subject.relation() == null ? null
            : new CaseFile.Subject(subject.person().id(), subject.person().name(), subject.relation()),
        subject.unit()));
    if (!inserted) return null;
    materials.collectHeld(id, spec, subject.person());
    // The process starts from the queue a moment later (or when someone acts on the case first); the row already
    // shows the first step.
    starts.queue(id);
    String note = filer.office() == null ? null : "帮办代办，授权：" + a.authorisation();
    if (subject.relation() != null) {
      note = (note == null ? "" : note + "；") + "为" + RELATION_WORDS.get(subject.relation()) + subject.person().name() + "申请";
    }
    if (subject.unit() != null) {
      note = (note == null ? "" : note + "；") + "以" + subject.unit().name() + "（" + subject.unit().creditCode() + "）名义申请";
    }
    files.timeline(id, filer.name(), "submitted", CaseStatus.PRE_REVIEW, note, filer.office());
    var detail = new HashMap<String, String>(Map.of("item", item.code() + "@" + item.version(),
        "channel", filer.channel().name(), "receivedBy", received.id().toString(), "competent", competent.id().toString()));
    if (subject.relation() != null) {
      detail.put("subject", subject.person().idNumberMasked());
      detail.put("relation", subject.relation().name());
    }
    audit.record("case.submitted", "case", id.toString(), competent.region(), detail);
    var filed = files.find(id).orElseThrow();
    progress.announce(filed);
    return filed;
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
        if (!offered || !reach) {
          throw new RegionNotAllowed(regions.trail(stated).stream().map(r -> r.name()).collect(Collectors.joining()));
        }
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

  /** 办件编号: county code, date, random serial; unique by constraint. */
  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
