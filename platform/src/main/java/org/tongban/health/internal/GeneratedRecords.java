package org.tongban.health.internal;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;
import org.tongban.person.Resident;

/**
 * A generated resident's record (demo data, tagged generated in every resource): a blood pressure reading a quarter
 * over the last year and this season's flu vaccine, written by the township's generated clinic.
 */
@Component
public class GeneratedRecords {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private final ResourceStore store;
  private final FhirContext fhir;
  private final AccessLog log;

  GeneratedRecords(ResourceStore store, FhirContext fhir, AccessLog log) {
    this.store = store;
    this.fhir = fhir;
    this.log = log;
  }

  public void forResident(Resident person, String clinic, SplittableRandom random, LocalDate today) {
    var patient = new Reference("Patient/" + person.id().value());
    for (int quarter = 3; quarter >= 0; quarter--) {
      var day = today.minusMonths(quarter * 3L + 1).withDayOfMonth(1 + random.nextInt(27));
      var o = new Observation().setStatus(Observation.ObservationStatus.FINAL)
          .setCode(new CodeableConcept(new Coding("http://loinc.org", "85354-9", "Blood pressure panel")).setText("血压"))
          .setSubject(patient).setEffective(new DateTimeType(date(day)));
      o.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/observation-category",
          "vital-signs", "Vital Signs")));
      o.addComponent().setCode(new CodeableConcept(new Coding("http://loinc.org", "8480-6", "Systolic")).setText("收缩压"))
          .setValue(mmHg(110 + random.nextInt(45)));
      o.addComponent().setCode(new CodeableConcept(new Coding("http://loinc.org", "8462-4", "Diastolic")).setText("舒张压"))
          .setValue(mmHg(70 + random.nextInt(25)));
      write(person, clinic, o, "Observation", day);
    }
    var flu = today.minusDays(20 + random.nextInt(60));
    var i = new Immunization().setStatus(Immunization.ImmunizationStatus.COMPLETED)
        .setVaccineCode(new CodeableConcept().setText("流感疫苗")).setPatient(patient)
        .setOccurrence(new DateTimeType(date(flu)));
    write(person, clinic, i, "Immunization", flu);
  }

  private void write(Resident person, String clinic, DomainResource resource, String type, LocalDate day) {
    var id = UUID.randomUUID();
    resource.setId(type + "/" + id);
    resource.getMeta().setVersionId("1").addTag(PatientProvider.GENERATED_TAG_SYSTEM, "generated",
        "生成（演示）数据 / generated data");
    store.create(type, id, fhir.newJsonParser().encodeResourceToString(resource), new ResourceStore.Index(
        person.id().value(), person.residenceRegion(), day, ClinicalKind.of(resource.getClass().asSubclass(DomainResource.class))
            .tokensOf(resource), true), clinic);
    log.record(List.of(person.id().value()), AccessLog.Action.WRITE, type + "/" + id, new AccessLog.Actor(clinic,
        AccessLog.ActorKind.CLINIC, "社区卫生服务中心（生成）", FhirCaller.CARE));
  }

  private static Date date(LocalDate day) {
    return Date.from(day.atTime(9, 30).atZone(CHINA).toInstant());
  }

  private static Quantity mmHg(int value) {
    return new Quantity().setValue(BigDecimal.valueOf(value)).setUnit("mmHg").setSystem("http://unitsofmeasure.org")
        .setCode("mm[Hg]");
  }
}
