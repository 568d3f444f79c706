package org.tongban.health.internal;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.DomainResource;
import org.springframework.stereotype.Component;
import org.tongban.health.Clinics;
import org.tongban.health.RecordEntry;

/** A patient's stored resources as lines a resident reads (the module's pages and API use it). */
@Component
public class RecordReader {

  private final ResourceStore store;
  private final FhirContext fhir;
  private final Clinics clinics;

  RecordReader(ResourceStore store, FhirContext fhir, Clinics clinics) {
    this.store = store;
    this.fhir = fhir;
    this.clinics = clinics;
  }

  public List<RecordEntry> entries(UUID patient, int limit) {
    var names = new HashMap<String, String>();
    var parser = fhir.newJsonParser();
    return store.ofPatient(patient, limit).stream().map(s -> {
      var resource = (DomainResource) parser.parseResource(s.json());
      LocalDate day = ClinicalKind.ALL.stream().filter(k -> k.name().equals(s.type())).findFirst()
          .map(k -> k.dayOf(resource)).orElse(null);
      String author = names.computeIfAbsent(s.author(), a -> a.startsWith("staff:")
          ? "卫生健康工作人员 (health staff) " + a.substring("staff:".length())
          : clinics.find(a).map(c -> c.name()).orElse(a));
      return new RecordEntry(s.type(), s.id(), s.version(), day, Summaries.of(resource), author, s.updatedAt());
    }).toList();
  }
}
