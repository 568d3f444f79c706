package org.tongban.health.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.health.Reading;
import org.tongban.health.RecordEntry;
import org.tongban.person.Resident;

/**
 * A reading entered on the staff page becomes the FHIR R4 Observation a clinic's system would send: the vital-signs
 * category, the LOINC code and UCUM unit, the day; it passes the same validation as the API's writes, is stored in the
 * same tables (encrypted) and logged on the resident's record as written by the staff member.
 */
@Component
public class ReadingWriter {

  static final String LOINC = "http://loinc.org";
  static final String UCUM = "http://unitsofmeasure.org";

  private final ResourceStore store;
  private final FhirContext fhir;
  private final FhirValidator validator;
  private final AccessLog log;

  ReadingWriter(ResourceStore store, FhirContext fhir, FhirValidator validator, AccessLog log) {
    this.store = store;
    this.fhir = fhir;
    this.validator = validator;
    this.log = log;
  }

  /** Who writes from a staff page: their account, shown to the resident with the region they serve. */
  public static AccessLog.Actor staff(String account, String serving) {
    return new AccessLog.Actor(account, AccessLog.ActorKind.STAFF,
        "卫生健康工作人员 " + account + "（" + serving + "）", FhirCaller.CARE);
  }

  @Transactional
  public RecordEntry write(Resident person, Reading kind, BigDecimal value, @Nullable BigDecimal second, LocalDate day,
                           @Nullable String note, AccessLog.Actor actor) {
    var id = UUID.randomUUID();
    var o = new Observation().setStatus(Observation.ObservationStatus.FINAL);
    o.setId(new IdType("Observation", id.toString(), "1"));
    o.getMeta().setVersionId("1").setLastUpdated(new Date()).setSource("#staff:" + actor.id());
    o.addCategory(new CodeableConcept().addCoding(new Coding(
        "http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", "Vital Signs")));
    o.setCode(concept(kind.loinc(), kind.label(true), kind.label(false)));
    o.setSubject(new Reference("Patient/" + person.id().value()));
    o.setEffective(new DateTimeType(day.toString()));
    if (kind.paired()) {
      o.addComponent().setCode(concept(Reading.SYSTOLIC, "Systolic blood pressure", "收缩压"))
          .setValue(quantity(value, kind));
      o.addComponent().setCode(concept(Reading.DIASTOLIC, "Diastolic blood pressure", "舒张压"))
          .setValue(quantity(second, kind));
    } else {
      o.setValue(quantity(value, kind));
    }
    if (note != null && !note.isBlank()) o.addNote().setText(note.strip());
    String json = fhir.newJsonParser().encodeResourceToString(o);
    var errors = validator.validateWithResult(json).getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
    // What the page builds must pass the profiles the API holds clinics to; a failure here is a fault of ours.
    if (!errors.isEmpty()) throw new IllegalStateException("a staff reading fails FHIR validation: " + errors);
    var kindOf = ClinicalKind.of(Observation.class);
    var stored = store.create("Observation", id, json, new ResourceStore.Index(person.id().value(),
        person.residenceRegion(), day, kindOf.tokensOf(o), person.generated()), "staff:" + actor.id());
    log.record(List.of(person.id().value()), AccessLog.Action.WRITE, "Observation/" + id, actor);
    return new RecordEntry("Observation", id, stored.version(), day, Summaries.of(o), actor.name(), stored.updatedAt());
  }

  private static CodeableConcept concept(String loinc, String display, String text) {
    return new CodeableConcept().addCoding(new Coding(LOINC, loinc, display)).setText(text);
  }

  private static Quantity quantity(@Nullable BigDecimal value, Reading kind) {
    return new Quantity().setValue(value).setUnit(kind.unit()).setSystem(UCUM).setCode(kind.ucum());
  }
}
