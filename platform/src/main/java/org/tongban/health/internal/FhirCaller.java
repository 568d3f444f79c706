package org.tongban.health.internal;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tongban.access.Caller;
import org.tongban.access.Callers;
import org.tongban.health.Clinic;
import org.tongban.health.Clinics;
import org.tongban.person.PersonId;
import org.tongban.person.Resident;
import org.tongban.person.Residents;

/**
 * Who calls the FHIR API: a clinic's system with an access token of this platform carrying the scope the operation
 * needs, registered as a clinic; the patients it may write and read for are the residents of its county.
 */
@Component
class FhirCaller {

  static final String CARE = "诊疗服务 (care)";

  private final Clinics clinics;
  private final Residents residents;
  private final Callers callers;

  FhirCaller(Clinics clinics, Residents residents, Callers callers) {
    this.clinics = clinics;
    this.residents = residents;
    this.callers = callers;
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
  boolean mayRead(Clinic clinic, UUID patient) {
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
