package org.tongban.health.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;
import org.tongban.health.Clinics;
import org.tongban.person.PersonId;
import org.tongban.person.Resident;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;

/**
 * Patients are the person registry's residents, not a copy: {@code Patient/{id}} is a registry id, rendered from the
 * registry on every read. A clinic finds a resident of its county by the ID number shown at the counter
 * ({@code Patient?identifier=urn:oid:2.16.156.10011.1.3|…}); the number itself never leaves masked.
 */
@Component
public class PatientProvider implements IResourceProvider {

  /** 居民身份证号码's identifier system in China's health information standards (WS 363 / 卫生信息标识体系). */
  public static final String ID_NUMBER_SYSTEM = "urn:oid:2.16.156.10011.1.3";
  public static final String GENERATED_TAG_SYSTEM = "https://tongban.example/fhir/tags";

  private final Residents residents;
  private final FhirCaller callers;
  private final AccessLog log;

  PatientProvider(Residents residents, FhirCaller callers, AccessLog log) {
    this.residents = residents;
    this.callers = callers;
    this.log = log;
  }

  @Override
  public Class<Patient> getResourceType() {
    return Patient.class;
  }

  @Read
  public Patient read(@IdParam IdType id) {
    var reader = callers.reader();
    UUID uuid;
    try {
      uuid = UUID.fromString(id.getIdPart());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw FhirProblems.notFound(String.valueOf(id.getValue()));
    }
    var person = (callers.mayRead(reader, uuid) ? residents.find(new PersonId(uuid)) : java.util.Optional.<Resident>empty())
        .orElseThrow(() -> FhirProblems.notFound(id.getValue()));
    log.record(List.of(uuid), AccessLog.Action.READ, "Patient/" + uuid, reader.actor());
    return patient(person);
  }

  @Search
  public List<Patient> byIdentifier(@RequiredParam(name = "identifier") TokenParam identifier) {
    var clinic = callers.clinic(Clinics.READ);
    if (identifier.getSystem() != null && !identifier.getSystem().isBlank()
        && !identifier.getSystem().equals(ID_NUMBER_SYSTEM)) {
      throw FhirProblems.badRequest("只能按居民身份证号码查找（" + ID_NUMBER_SYSTEM + "）",
          "Patients are found by resident ID number only (" + ID_NUMBER_SYSTEM + ")");
    }
    IdNumber number;
    try {
      number = new IdNumber(identifier.getValue() == null ? "" : identifier.getValue().strip().toUpperCase());
    } catch (IdNumber.InvalidIdNumber e) {
      throw FhirProblems.badRequest("身份证号码无效", "The ID number is not valid");
    }
    var person = residents.lookup(number).filter(r -> r.residenceRegion().isWithin(clinic.county()));
    person.ifPresent(r -> log.record(List.of(r.id().value()), AccessLog.Action.SEARCH, "Patient?identifier",
        callers.actor(clinic)));
    return person.map(r -> List.of(patient(r))).orElse(List.of());
  }

  static Patient patient(Resident r) {
    var p = new Patient();
    p.setId(new IdType("Patient", r.id().value().toString()));
    p.addIdentifier().setSystem(ID_NUMBER_SYSTEM).setValue(r.idNumberMasked());
    p.addName().setText(r.name());
    p.setGender(r.sex() == IdNumber.Sex.MALE ? Enumerations.AdministrativeGender.MALE
        : Enumerations.AdministrativeGender.FEMALE);
    p.setBirthDate(Date.from(r.birthDate().atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()));
    p.addAddress().setUse(org.hl7.fhir.r4.model.Address.AddressUse.HOME).setDistrict(r.residenceRegion().value());
    if (r.generated()) p.getMeta().addTag(GENERATED_TAG_SYSTEM, "generated", "生成（演示）数据 / generated data");
    return p;
  }
}
