package org.tongban.health.internal;

import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;

/** One line a resident can read for each kind of resource: what it is and, for a measurement, its value. */
final class Summaries {

  private Summaries() {}

  static String of(Resource resource) {
    return switch (resource) {
      case Observation o -> text(o.getCode()) + value(o);
      case Condition c -> text(c.getCode());
      case Encounter e -> e.getType().isEmpty() ? "就诊 (encounter)" : text(e.getTypeFirstRep());
      case Immunization i -> text(i.getVaccineCode());
      case MedicationStatement m -> m.hasMedicationCodeableConcept() ? text(m.getMedicationCodeableConcept()) : "用药";
      case AllergyIntolerance a -> text(a.getCode());
      case CarePlan p -> p.hasTitle() ? p.getTitle() : p.getCategory().isEmpty() ? "健康管理计划" : text(p.getCategoryFirstRep());
      default -> resource.fhirType();
    };
  }

  private static String text(CodeableConcept concept) {
    if (concept.hasText()) return concept.getText();
    return concept.getCoding().stream().map(c -> c.hasDisplay() ? c.getDisplay() : c.getCode())
        .collect(Collectors.joining(" / "));
  }

  private static String value(Observation o) {
    if (o.hasValueQuantity()) return "：" + quantity(o.getValueQuantity());
    if (o.hasValueStringType()) return "：" + o.getValueStringType().getValue();
    if (o.hasComponent()) {
      return "：" + o.getComponent().stream().filter(c -> c.hasValueQuantity())
          .map(c -> c.getValueQuantity().getValue().stripTrailingZeros().toPlainString())
          .collect(Collectors.joining("/")) + (o.getComponentFirstRep().hasValueQuantity()
          ? " " + unit(o.getComponentFirstRep().getValueQuantity()) : "");
    }
    return "";
  }

  private static String quantity(Quantity q) {
    return q.getValue().stripTrailingZeros().toPlainString() + " " + unit(q);
  }

  private static String unit(Quantity q) {
    return q.hasUnit() ? q.getUnit() : q.hasCode() ? q.getCode() : "";
  }
}
