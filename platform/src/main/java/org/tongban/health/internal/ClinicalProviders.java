package org.tongban.health.internal;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.List;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clinical resource types of the record, each with its search under the parameter names FHIR R4 gives the type
 * (patient, a date, a code).
 */
@Configuration(proxyBeanMethods = false)
class ClinicalProviders {

  @Bean
  ClinicalProvider.Deps clinicalProviderDeps(ResourceStore store, ca.uhn.fhir.context.FhirContext fhir,
                                             ca.uhn.fhir.validation.FhirValidator validator, FhirCaller callers,
                                             AccessLog log, HealthSettings settings) {
    return new ClinicalProvider.Deps(store, fhir, validator, callers, log, settings);
  }

  @Bean
  Observations observations(ClinicalProvider.Deps deps) {
    return new Observations(deps);
  }

  public static final class Observations extends ClinicalProvider<Observation> {
    Observations(Deps deps) {
      super(Observation.class, deps);
    }

    @Search
    public List<Observation> search(@RequiredParam(name = "patient") ReferenceParam patient,
                             @OptionalParam(name = "date") @Nullable DateRangeParam date,
                             @OptionalParam(name = "code") @Nullable TokenParam code) {
      return find(patient, date, code);
    }
  }

  @Bean
  Conditions conditions(ClinicalProvider.Deps deps) {
    return new Conditions(deps);
  }

  public static final class Conditions extends ClinicalProvider<Condition> {
    Conditions(Deps deps) {
      super(Condition.class, deps);
    }

    @Search
    public List<Condition> search(@RequiredParam(name = "patient") ReferenceParam patient,
                             @OptionalParam(name = "onset-date") @Nullable DateRangeParam date,
                             @OptionalParam(name = "code") @Nullable TokenParam code) {
      return find(patient, date, code);
    }
  }

  @Bean
  Encounters encounters(ClinicalProvider.Deps deps) {
    return new Encounters(deps);
  }

  public static final class Encounters extends ClinicalProvider<Encounter> {
    Encounters(Deps deps) {
      super(Encounter.class, deps);
    }

    @Search
    public List<Encounter> search(@RequiredParam(name = "patient") ReferenceParam patient,
                             @OptionalParam(name = "date") @Nullable DateRangeParam date,
                             @OptionalParam(name = "type") @Nullable TokenParam code) {
      return find(patient, date, code);
    }
  }

  @Bean
  Immunizations immunizations(ClinicalProvider.Deps deps) {
    return new Immunizations(deps);
  }

  public static final class Immunizations extends ClinicalProvider<Immunization> {
    Immunizations(Deps deps) {
      super(Immunization.class, deps);
    }

    @Search
    public List<Immunization> search(@RequiredParam(name = "patient") ReferenceParam patient,
                             @OptionalParam(name = "date") @Nullable DateRangeParam date,
                             @OptionalParam(name = "vaccine-code") @Nullable TokenParam code) {
      return find(patient, date, code);
    }
  }

  @Bean
  MedicationStatements medicationStatements(ClinicalProvider.Deps deps) {
    return new MedicationStatements(deps);
  }

  public static final class MedicationStatements extends ClinicalProvider<MedicationStatement> {
    MedicationStatements(Deps deps) {
      super(MedicationStatement.class, deps);
    }

    @Search
    public List<MedicationStatement> search(@RequiredParam(name = "patient") ReferenceParam patient,
                             @OptionalParam(name = "effective") @Nullable DateRangeParam date,
                             @OptionalParam(name = "code") @Nullable TokenParam code) {
      return find(patient, date, code);
    }
  }

  @Bean
  AllergyIntolerances allergyIntolerances(ClinicalProvider.Deps deps) {
    return new AllergyIntolerances(deps);
  }

  public static final class AllergyIntolerances extends ClinicalProvider<AllergyIntolerance> {
    AllergyIntolerances(Deps deps) {
      super(AllergyIntolerance.class, deps);
    }

    @Search
    public List<AllergyIntolerance> search(@RequiredParam(name = "patient") ReferenceParam patient,
                             @OptionalParam(name = "date") @Nullable DateRangeParam date,
                             @OptionalParam(name = "code") @Nullable TokenParam code) {
      return find(patient, date, code);
    }
  }

  @Bean
  CarePlans carePlans(ClinicalProvider.Deps deps) {
    return new CarePlans(deps);
  }

  public static final class CarePlans extends ClinicalProvider<CarePlan> {
    CarePlans(Deps deps) {
      super(CarePlan.class, deps);
    }

    @Search
    public List<CarePlan> search(@RequiredParam(name = "patient") ReferenceParam patient,
                             @OptionalParam(name = "date") @Nullable DateRangeParam date,
                             @OptionalParam(name = "category") @Nullable TokenParam code) {
      return find(patient, date, code);
    }
  }
}
