package org.tongban.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.tongban.catalogue.ItemSpec.CaseKind;
import org.tongban.catalogue.ItemSpec.MaterialSource;
import org.tongban.catalogue.ItemSpec.OnlineDepth;
import org.tongban.catalogue.ItemSpec.StepKind;
import org.tongban.catalogue.ItemSpec.Workflow;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.RegionLevel;

/**
 * Consistency rules of the 实施清单, checked on every save. All problems are collected, so that an officer
 * fixes an item in one round.
 */
final class ItemRules {

  private static final Pattern CODE = Pattern.compile("[a-z][a-z-]*\\.[a-z0-9][a-z0-9-]{1,60}");
  /** Keys the platform knows how to fill in from data it holds. */
  static final Set<String> PREFILL_KEYS = Set.of("person.name", "person.birthDate", "person.sex",
      "person.householdRegion", "person.residenceRegion", "account.phone", "subject.name", "subject.birthDate", "unit.name", "unit.creditCode");

  private ItemRules() {}

  static List<FieldProblem> check(ItemSpec item) {
    var problems = new ArrayList<FieldProblem>();
    if (!CODE.matcher(item.code()).matches() || !item.code().startsWith(item.department() + ".")) {
      problems.add(FieldProblem.of("code", "item-code", item.department()));
    }
    if (item.name().isBlank() || item.name().length() > 100) problems.add(FieldProblem.of("name", "required-text", 100));
    if (item.basicCode().isBlank()) problems.add(FieldProblem.of("basicCode", "required"));
    if (!item.implementationCode().startsWith(item.basicCode())) {
      problems.add(FieldProblem.of("implementationCode", "implementation-code"));
    }
    if (item.level() == RegionLevel.VILLAGE) problems.add(FieldProblem.of("level", "village-authority"));
    if (item.basis().isEmpty() || item.basis().stream().anyMatch(b -> b.law().isBlank() || b.article().isBlank())) {
      problems.add(FieldProblem.of("basis", "legal-basis"));
    }
    if (item.statutoryLimit().amount() < 0 || item.promisedLimit().amount() < 0) {
      problems.add(FieldProblem.of("promisedLimit", "negative-limit"));
    }
    if (item.promisedLimit().unit() == item.statutoryLimit().unit()
        && item.promisedLimit().amount() > item.statutoryLimit().amount()) {
      problems.add(FieldProblem.of("promisedLimit", "promise-beyond-law"));
    }
    // 即办 ⇔ 即办件: an item decided on the spot promises zero days, and only such an item is 即办件.
    boolean immediate = item.promisedLimit().immediate();
    if (immediate != (item.caseKind() == CaseKind.即办件)) problems.add(FieldProblem.of("caseKind", "immediate-kind"));
    if ((item.workflow() == Workflow.IMMEDIATE) != (item.caseKind() == CaseKind.即办件)) {
      problems.add(FieldProblem.of("workflow", "immediate-workflow"));
    }
    // 网上办理深度 Ⅳ means fully online: nobody has to come in.
    if (item.depth() == OnlineDepth.Ⅳ && item.trips() > 0) problems.add(FieldProblem.of("trips", "depth-four-trips"));
    if (item.trips() < 0) problems.add(FieldProblem.of("trips", "negative-trips"));
    if (item.trips() > 0 && (item.tripReason() == null || item.tripReason().isBlank())) {
      problems.add(FieldProblem.of("tripReason", "trip-reason"));
    }
    boolean payStep = item.steps().stream().anyMatch(s -> s.kind() == StepKind.PAY);
    if (!item.fee() && payStep) problems.add(FieldProblem.of("steps", "payment-without-fee"));
    if (item.fee() && (item.feeBasis() == null || item.feeBasis().isBlank())) {
      problems.add(FieldProblem.of("feeBasis", "fee-basis"));
    }
    if (item.steps().isEmpty()) problems.add(FieldProblem.of("steps", "required"));
    var materialCodes = new HashSet<String>();
    for (var m : item.materials()) {
      if (!materialCodes.add(m.code())) problems.add(FieldProblem.of("materials", "duplicate-material", m.code()));
      if (m.source() != MaterialSource.RESIDENT && (m.heldAs() == null || m.heldAs().isBlank())) {
        problems.add(FieldProblem.of("materials", "held-material", m.name()));
      }
    }
    var form = item.form();
    if (!form.isObject() || !"object".equals(form.path("type").asString(""))) {
      problems.add(FieldProblem.of("form", "form-object"));
    } else {
      for (var property : form.path("properties").properties()) {
        var key = property.getValue().path("x-prefill").asString("");
        if (!key.isEmpty() && !PREFILL_KEYS.contains(key)) {
          problems.add(FieldProblem.of("form", "unknown-prefill", property.getKey(), key));
        }
        if (property.getValue().path("title").asString("").isBlank()) {
          problems.add(FieldProblem.of("form", "form-title", property.getKey()));
        }
      }
    }
    return problems;
  }
}
