package org.tongban.health.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.jspecify.annotations.Nullable;
import org.tongban.health.Clinic;
import org.tongban.health.Clinics;

/**
 * Create, read (also a version), update and history of one clinical resource type, for clinics within their county;
 * each subclass adds the type's search by patient, date and code under the parameter names R4 gives it. Every write is
 * validated against the base R4 profiles first; every answer that shows a record is logged for its patient.
 */
public abstract class ClinicalProvider<T extends DomainResource> implements IResourceProvider {

  private final ClinicalKind<T> kind;
  private final Deps deps;

  /** What every provider needs (one bean, so the subclasses' constructors stay one line). */
  public record Deps(ResourceStore store, FhirContext fhir, FhirValidator validator, FhirCaller callers, AccessLog log,
              HealthSettings settings) {}

  ClinicalProvider(Class<T> type, Deps deps) {
    this.kind = ClinicalKind.of(type);
    this.deps = deps;
  }

  @Override
  public Class<T> getResourceType() {
    return kind.type();
  }

  @Read(version = true)
  public T read(@IdParam IdType id) {
    var reader = deps.callers().reader();
    var uuid = uuid(id);
    var stored = (id.hasVersionIdPart() ? deps.store().read(kind.name(), uuid, version(id))
        : deps.store().read(kind.name(), uuid))
        .filter(s -> deps.callers().mayRead(reader, s.patient()))
        .orElseThrow(() -> FhirProblems.notFound(id.getValue()));
    deps.log().record(List.of(stored.patient()), AccessLog.Action.READ, kind.name() + "/" + uuid, reader.actor());
    return parse(stored);
  }

  @Create
  public MethodOutcome create(@ResourceParam T resource, RequestDetails request) {
    var clinic = deps.callers().clinic(Clinics.WRITE);
    var index = check(clinic, resource, request);
    var id = UUID.randomUUID();
    resource.setId(kind.name() + "/" + id);
    var stored = deps.store().create(kind.name(), id, json(resource, id, 1, clinic), index, clinic.clientId());
    deps.log().record(List.of(index.patient()), AccessLog.Action.WRITE, kind.name() + "/" + id, deps.callers().actor(clinic));
    return outcome(stored, true);
  }

  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam T resource, RequestDetails request) {
    var clinic = deps.callers().clinic(Clinics.WRITE);
    var uuid = uuid(id);
    var current = deps.store().read(kind.name(), uuid)
        .filter(s -> deps.callers().mayRead(deps.callers().reading(clinic), s.patient()))
        .orElseThrow(() -> FhirProblems.notFound(id.getValue()));
    var index = check(clinic, resource, request);
    try {
      Integer expected = id.hasVersionIdPart() ? version(id) : null;
      var stored = deps.store().update(kind.name(), uuid, expected,
          json(resource, uuid, current.version() + 1, clinic), index, clinic.clientId())
          .orElseThrow(() -> FhirProblems.notFound(id.getValue()));
      deps.log().record(List.of(index.patient()), AccessLog.Action.WRITE, kind.name() + "/" + uuid,
          deps.callers().actor(clinic));
      return outcome(stored, false);
    } catch (ResourceStore.Conflict e) {
      throw FhirProblems.conflict(e.current);
    } catch (ResourceStore.PatientChanged e) {
      throw FhirProblems.invalid(FhirProblems.both("不能把记录改到另一位患者名下", "A record cannot be moved to another patient"));
    }
  }

  @History
  public List<T> history(@IdParam IdType id) {
    var reader = deps.callers().reader();
    var versions = deps.store().history(kind.name(), uuid(id));
    if (versions.isEmpty() || !deps.callers().mayRead(reader, versions.getFirst().patient())) {
      throw FhirProblems.notFound(id.getValue());
    }
    deps.log().record(List.of(versions.getFirst().patient()), AccessLog.Action.HISTORY, kind.name() + "/" + id.getIdPart(),
        reader.actor());
    return versions.stream().map(this::parse).toList();
  }

  /** The type's search: a patient's resources, by date range and code. */
  protected List<T> find(ReferenceParam patient, @Nullable DateRangeParam date, @Nullable TokenParam code) {
    var reader = deps.callers().reader();
    UUID person;
    try {
      person = UUID.fromString(patient.getIdPart());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw FhirProblems.badRequest("patient 参数应为 Patient/{id}", "The patient parameter must be Patient/{id}");
    }
    if (!deps.callers().mayRead(reader, person)) return List.of();
    LocalDate from = date == null || date.getLowerBoundAsInstant() == null ? null
        : date.getLowerBoundAsInstant().toInstant().atZone(ClinicalKind.CHINA).toLocalDate();
    LocalDate to = date == null || date.getUpperBoundAsInstant() == null ? null
        : date.getUpperBoundAsInstant().toInstant().atZone(ClinicalKind.CHINA).toLocalDate();
    String token = code == null ? null : ClinicalKind.token(code.getSystem(), code.getValue());
    var found = deps.store().search(kind.name(), person, from, to, token, deps.settings().pageSize());
    deps.log().record(List.of(person), AccessLog.Action.SEARCH, kind.name() + "?patient=" + person, reader.actor());
    return found.stream().map(this::parse).toList();
  }

  /**
   * Validation of the body as sent (an element R4 does not have is an error, not silently dropped by the parser), the
   * patient of the clinic's county, no date after today; the search columns of the resource.
   */
  private ResourceStore.Index check(Clinic clinic, T resource, RequestDetails request) {
    var result = deps.validator().validateWithResult(
        new String(request.loadRequestContents(), java.nio.charset.StandardCharsets.UTF_8));
    var errors = result.getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
        .toList();
    if (!errors.isEmpty()) {
      var outcome = new OperationOutcome();
      outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
          .setDiagnostics(FhirProblems.both("资源不符合 FHIR R4 基础规范，共 " + errors.size() + " 处错误，未保存",
              "The resource does not conform to the base FHIR R4 profiles (" + errors.size() + " errors); nothing was"
                  + " saved"));
      for (var m : errors) {
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
            .setDiagnostics(m.getMessage()).addExpression(m.getLocationString());
      }
      throw new ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException(deps.fhir(), outcome);
    }
    var reference = kind.patientOf(resource);
    var person = deps.callers().patientToWrite(clinic, reference == null ? "" : reference.getReference());
    var day = kind.dayOf(resource);
    if (day != null && day.isAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")))) throw FhirProblems.future(day.toString());
    return new ResourceStore.Index(person.id().value(), person.residenceRegion(), day, kind.tokensOf(resource),
        person.generated());
  }

  private String json(T resource, UUID id, int version, Clinic clinic) {
    resource.setId(new IdType(kind.name(), id.toString(), String.valueOf(version)));
    resource.getMeta().setVersionId(String.valueOf(version)).setLastUpdated(new java.util.Date())
        .setSource("#" + clinic.clientId());
    return deps.fhir().newJsonParser().encodeResourceToString(resource);
  }

  private T parse(ResourceStore.Stored stored) {
    var resource = deps.fhir().newJsonParser().parseResource(kind.type(), stored.json());
    resource.setId(new IdType(kind.name(), stored.id().toString(), String.valueOf(stored.version())));
    return resource;
  }

  private MethodOutcome outcome(ResourceStore.Stored stored, boolean created) {
    var outcome = new MethodOutcome(new IdType(kind.name(), stored.id().toString(), String.valueOf(stored.version())));
    outcome.setCreated(created);
    outcome.setResource(parse(stored));
    return outcome;
  }

  private static UUID uuid(IdType id) {
    try {
      return UUID.fromString(id.getIdPart());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw FhirProblems.notFound(String.valueOf(id.getValue()));
    }
  }

  private static int version(IdType id) {
    try {
      return Integer.parseInt(id.getVersionIdPart());
    } catch (NumberFormatException e) {
      throw FhirProblems.badRequest("版本号应为数字", "The version must be a number");
    }
  }
}
