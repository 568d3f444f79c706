package org.tongban.health.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;

/**
 * What the store needs of each clinical resource type: whose record it belongs to (the reference to the Patient), the
 * day a search by date finds it on, and the codes a search by code finds it with — and the names of those search
 * parameters as the FHIR R4 specification gives them for the type.
 */
record ClinicalKind<T extends DomainResource>(Class<T> type, String dateParam, String codeParam,
                                              Function<T, @Nullable Reference> patient,
                                              Function<T, @Nullable Date> day,
                                              Function<T, List<CodeableConcept>> codes) {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  static final List<ClinicalKind<?>> ALL = List.of(
      new ClinicalKind<>(Observation.class, "date", "code", Observation::getSubject,
          o -> when(o.getEffective()), o -> List.of(o.getCode())),
      new ClinicalKind<>(Condition.class, "onset-date", "code", Condition::getSubject,
          c -> c.hasOnsetDateTimeType() ? c.getOnsetDateTimeType().getValue() : c.getRecordedDate(),
          c -> List.of(c.getCode())),
      new ClinicalKind<>(Encounter.class, "date", "type", Encounter::getSubject,
          e -> e.getPeriod().getStart(), Encounter::getType),
      new ClinicalKind<>(Immunization.class, "date", "vaccine-code", Immunization::getPatient,
          i -> i.hasOccurrenceDateTimeType() ? i.getOccurrenceDateTimeType().getValue() : null,
          i -> List.of(i.getVaccineCode())),
      new ClinicalKind<>(MedicationStatement.class, "effective", "code", MedicationStatement::getSubject,
          m -> when(m.getEffective()),
          m -> m.hasMedicationCodeableConcept() ? List.of(m.getMedicationCodeableConcept()) : List.of()),
      new ClinicalKind<>(AllergyIntolerance.class, "date", "code", AllergyIntolerance::getPatient,
          AllergyIntolerance::getRecordedDate, a -> List.of(a.getCode())),
      new ClinicalKind<>(CarePlan.class, "date", "category", CarePlan::getSubject,
          c -> c.getPeriod().getStart(), CarePlan::getCategory));

  String name() {
    return type.getSimpleName();
  }

  @SuppressWarnings("unchecked")
  static <T extends DomainResource> ClinicalKind<T> of(Class<T> type) {
    return (ClinicalKind<T>) ALL.stream().filter(k -> k.type().equals(type)).findFirst().orElseThrow();
  }

  @Nullable Reference patientOf(DomainResource resource) {
    return patient.apply(type.cast(resource));
  }

  /** The day in China's time zone, or null when the resource has none. */
  @Nullable LocalDate dayOf(DomainResource resource) {
    var d = day.apply(type.cast(resource));
    return d == null ? null : d.toInstant().atZone(CHINA).toLocalDate();
  }

  /** Search tokens: {@code system|code} and {@code |code}... as FHIR's token search matches them, and the bare code. */
  List<String> tokensOf(DomainResource resource) {
    var tokens = new ArrayList<String>();
    for (var concept : codes.apply(type.cast(resource))) {
      for (Coding c : concept.getCoding()) {
        if (!c.hasCode()) continue;
        tokens.add(token(c.getSystem(), c.getCode()));
        tokens.add(token(null, c.getCode()));
      }
    }
    return tokens;
  }

  static String token(@Nullable String system, String code) {
    return system == null || system.isBlank() ? "*|" + code : system + "|" + code;
  }

  private static @Nullable Date when(@Nullable Type effective) {
    if (effective instanceof org.hl7.fhir.r4.model.DateTimeType dt) return dt.getValue();
    if (effective instanceof Period p) return p.getStart();
    if (effective instanceof org.hl7.fhir.r4.model.InstantType i) return i.getValue();
    return null;
  }
}
