package org.tongban.health.internal;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tongban.access.Caller;
import org.tongban.access.Callers;
import org.jspecify.annotations.Nullable;
import org.tongban.identity.SmartLaunch;
import org.tongban.health.Clinic;
import org.tongban.health.Clinics;
import org.tongban.person.PersonId;
import org.tongban.person.Resident;
import org.tongban.person.Residents;

/**
 * Who calls the FHIR API: a clinic's system with an access token of this platform carrying the scope the operation
 * needs, registered as a clinic; the patients it may write and read for are the residents of its county. Or a
 * resident's app launched with SMART ({@code patient/*.read}): it reads her record only, and writes nothing.
 */
@Component
class FhirCaller {

  static final String CARE = "诊疗服务 (care)";
  static final String APP = "您授权的应用 (an app you authorised)";

  /** Who reads: a clinic (its county's residents) or a resident's app (the patient in its token's context). */
  record Reader(@Nullable Clinic clinic, @Nullable UUID patient, AccessLog.Actor actor) {}

  private final Clinics clinics;
  private final Residents residents;
  private final Callers callers;
  private final SmartLaunch smart;

  FhirCaller(Clinics clinics, Residents residents, Callers callers, SmartLaunch smart) {
    this.clinics = clinics;
    this.residents = residents;
    this.callers = callers;
    this.smart = smart;
  }

  /** The reader: a clinic with {@code system/*.read}, else a resident's app with {@code patient/*.read}. */
  Reader reader() {
    var caller = callers.current();
    if (caller == Caller.PLATFORM) throw FhirProblems.unauthenticated();
    if (caller.has("SCOPE_" + Clinics.READ)) {
      return reading(clinic(Clinics.READ));
    }
    if (caller.has("SCOPE_" + SmartLaunch.PATIENT_READ)) {
      if (caller.person() == null) throw FhirProblems.noPatientInContext();
      var name = smart.clientName(caller.name()).orElse(caller.name());
      return new Reader(null, caller.person(), new AccessLog.Actor(caller.name(), AccessLog.ActorKind.APP,
          name + "（您授权的应用 / an app you authorised）", APP));
    }
    throw FhirProblems.scope(Clinics.READ + " | " + SmartLaunch.PATIENT_READ);
  }

  /** A clinic as a reader (a writing clinic reads what it updates). */
  Reader reading(Clinic clinic) {
    return new Reader(clinic, null, actor(clinic));
  }

  /** Whether {@code reader} may see the record of {@code patient} (else it is "not found" to it). */
  boolean mayRead(Reader reader, UUID patient) {
    return reader.clinic() != null ? mayRead(reader.clinic(), patient) : patient.equals(reader.patient());
  }

  /** The calling clinic, when its token carries {@code scope}. */
  org.tongban.health.Clinic clinic(String scope) {
    var caller = callers.current();
    if (caller == Caller.PLATFORM) throw FhirProblems.unauthenticated();
    if (!caller.has("SCOPE_" + scope)) throw FhirProblems.scope(scope);
    return clinics.find(caller.name()).orElseThrow(FhirProblems::notAClinic);
  }

  /** A patient the clinic may write for: a person of the registry living in its county. */
  Resident patientToWrite(Clinic clinic, String reference) {
    var person = person(reference).orElseThrow(() -> FhirProblems.unknownPatient(reference));
    if (!person.residenceRegion().isWithin(clinic.county())) throw FhirProblems.otherCounty(clinic.county().value());
    return person;
  }

  /** Whether the clinic may read the record of {@code patient} (else the record is "not found" to it). */
  private boolean mayRead(Clinic clinic, UUID patient) {
    return residents.find(new PersonId(patient)).map(r -> r.residenceRegion().isWithin(clinic.county())).orElse(false);
  }

  AccessLog.Actor actor(Clinic clinic) {
    return new AccessLog.Actor(clinic.clientId(), AccessLog.ActorKind.CLINIC,
        clinic.name() + "（" + clinic.kind().label(false) + "）", CARE);
  }

  private java.util.Optional<Resident> person(String reference) {
    if (reference == null || !reference.startsWith("Patient/")) return java.util.Optional.empty();
    try {
      return residents.find(new PersonId(UUID.fromString(reference.substring("Patient/".length()))));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }
}
