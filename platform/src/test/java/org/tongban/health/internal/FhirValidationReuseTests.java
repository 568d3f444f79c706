package org.tongban.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reused core validators answer exactly as HAPI's own path, which builds one per resource: the same messages
 * (severity, place, text) for valid and invalid resources interleaved — an error in one resource never leaks into the
 * next, a warning given once is given again — also from several threads at once; and they are reused.
 */
class FhirValidationReuseTests {

  static FhirContext fhir = FhirContext.forR4Cached();
  static FhirValidator stock;
  static FhirValidator reused;
  static ReusedInstanceValidator module;

  static final String PATIENT = "\"subject\":{\"reference\":\"Patient/5f0c1c1e-8d5b-4a57-9a53-3c1c0d6f2a11\"}";

  /** Valid and invalid resources of the kinds clinics send, each a different way of being wrong. */
  static final List<String> CORPUS = List.of(
      "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\","
          + "\"code\":\"29463-7\"}],\"text\":\"体重\"}," + PATIENT + ",\"effectiveDateTime\":\"2026-11-30\","
          + "\"valueQuantity\":{\"value\":61.5,\"unit\":\"kg\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"kg\"}}",
      "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"血压\"}," + PATIENT
          + ",\"colour\":\"blue\"}",
      "{\"resourceType\":\"Observation\",\"status\":\"done\",\"code\":{\"text\":\"x\"}," + PATIENT + "}",
      "{\"resourceType\":\"Observation\",\"code\":{\"text\":\"no status\"}," + PATIENT
          + ",\"effectiveDateTime\":\"2026-13-45\"}",
      "{\"resourceType\":\"Condition\",\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10\","
          + "\"code\":\"I10\"}]}," + PATIENT + ",\"onsetDateTime\":\"2025-05-01\"}",
      "{\"resourceType\":\"Immunization\",\"status\":\"completed\",\"vaccineCode\":{\"text\":\"流感疫苗\"},"
          + "\"patient\":{\"reference\":\"Patient/1\"},\"occurrenceDateTime\":\"2026-10-15\"}",
      "{\"resourceType\":\"Encounter\",\"status\":\"finished\",\"class\":{\"system\":"
          + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"}," + PATIENT
          + ",\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">门诊</div>\"}}",
      "{\"resourceType\":\"AllergyIntolerance\",\"patient\":{\"reference\":\"Patient/1\"},\"criticality\":\"severe\"}",
      "{}");

  @BeforeAll
  static void validators() {
    stock = fhir.newValidator();
    stock.registerValidatorModule(new FhirInstanceValidator(FhirConfiguration.support(fhir)));
    reused = fhir.newValidator();
    module = new ReusedInstanceValidator(FhirConfiguration.support(fhir));
    reused.registerValidatorModule(module);
  }

  @Test
  void sameMessagesAsBuildingOnePerResourceInterleavedAndReused() {
    int before = module.built.get();
    for (int round = 0; round < 3; round++) {
      for (String body : CORPUS) {
        assertThat(messages(reused, body)).as(body).isEqualTo(messages(stock, body));
      }
    }
    assertThat(CORPUS.stream().filter(b -> !messages(stock, b).isEmpty())).as("the corpus has invalid resources")
        .hasSizeGreaterThan(5);
    assertThat(module.built.get() - before).as("one core validator served the sequential validations")
        .isLessThanOrEqualTo(1);
  }

  @Test
  void sameMessagesFromSeveralThreadsAtOnce() throws Exception {
    var expected = CORPUS.stream().map(b -> messages(stock, b)).toList();
    try (var pool = Executors.newFixedThreadPool(4)) {
      var futures = new ArrayList<Future<Boolean>>();
      for (int i = 0; i < 80; i++) {
        int n = i % CORPUS.size();
        futures.add(pool.submit(() -> messages(reused, CORPUS.get(n)).equals(expected.get(n))));
      }
      for (var f : futures) assertThat(f.get()).isTrue();
    }
  }

  /**
   * A body that is not JSON: HAPI's own path throws from the profile lookup (the server's parser answers 400 before
   * validation, so no clinic reaches either); the reused path reports it, never lets it pass.
   */
  @Test
  void aBodyThatIsNotJsonIsNeverValid() {
    var result = reused.validateWithResult("{\"resourceType\":\"Observation\",\"status\":\"final\"");
    assertThat(result.isSuccessful()).isFalse();
  }

  private static List<String> messages(FhirValidator validator, String body) {
    return validator.validateWithResult(body).getMessages().stream()
        .map(FhirValidationReuseTests::line).sorted().toList();
  }

  private static String line(SingleValidationMessage m) {
    return m.getSeverity() + " " + m.getLocationString() + " " + m.getMessage();
  }
}
