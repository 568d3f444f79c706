package org.tongban.health.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.validation.FhirValidator;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The FHIR R4 server under {@code /fhir}: HAPI's plain RESTful server (not its JPA server: the records live in the
 * platform's own tables, encrypted) with one provider per resource type, and the instance validator over the base R4
 * profiles and the common code systems; a code system it does not hold (ICD-10, LOINC, China's own) is a warning,
 * not an error.
 */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

  private static final Logger log = LoggerFactory.getLogger(FhirConfiguration.class);

  @Bean
  FhirContext fhirContext() {
    return FhirContext.forR4Cached();
  }

  @Bean
  FhirValidator fhirValidator(FhirContext fhir) {
    var validator = fhir.newValidator();
    validator.registerValidatorModule(new ReusedInstanceValidator(support(fhir)));
    return validator;
  }

  /** The base R4 profiles and the common code systems; a code system not held is a warning. */
  static ValidationSupportChain support(FhirContext fhir) {
    var unknownSystems = new UnknownCodeSystemWarningValidationSupport(fhir);
    unknownSystems.setNonExistentCodeSystemSeverity(
        ca.uhn.fhir.context.support.IValidationSupport.IssueSeverity.WARNING);
    return new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
        new SnapshotGeneratingValidationSupport(fhir), new InMemoryTerminologyServerValidationSupport(fhir),
        new CommonCodeSystemsTerminologyService(fhir), unknownSystems);
  }

  @Bean
  ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext fhir, List<IResourceProvider> providers,
                                                     SmartConfiguration smart, StoredSearch stored) {
    var server = new RestfulServer(fhir);
    server.registerInterceptor(smart);
    server.registerInterceptor(stored);
    server.setResourceProviders(providers);
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    server.setServerName("Tongban 通办 — 居民电子健康档案 FHIR R4");
    var registration = new ServletRegistrationBean<>(server, "/fhir/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }

  @Bean
  ServletRegistrationBean<jakarta.servlet.http.HttpServlet> smartConfigurationServlet(SmartConfiguration smart) {
    var registration = new ServletRegistrationBean<>(smart.servlet(), SmartConfiguration.PATH);
    registration.setName("smart-configuration");
    return registration;
  }

  /** The validator loads the R4 profiles on first use (seconds): done once in the background after start. */
  @EventListener(ApplicationReadyEvent.class)
  void warmUp(ApplicationReadyEvent ready) {
    var validator = ready.getApplicationContext().getBean(FhirValidator.class);
    Thread.ofVirtual().name("fhir-validator-warm-up").start(() -> {
      long t0 = System.nanoTime();
      validator.validateWithResult(new org.hl7.fhir.r4.model.Observation()
          .setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL)
          .setCode(new org.hl7.fhir.r4.model.CodeableConcept().setText("warm-up")));
      log.info("FHIR validator ready in {} ms", (System.nanoTime() - t0) / 1_000_000);
    });
  }
}
