package org.tongban.casework.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongban.access.Callers;
import org.tongban.casework.ApplicationForm;
import org.tongban.casework.CaseFile;
import org.tongban.casework.CaseRefusals.InvalidApplication;
import org.tongban.casework.CaseRefusals.NotARelative;
import org.tongban.casework.CaseRefusals.NotForRelatives;
import org.tongban.casework.CaseRefusals.NotForUnits;
import org.tongban.casework.CaseRefusals.UnitsOnly;
import org.tongban.catalogue.ItemSpec;
import org.tongban.person.PersonId;
import org.tongban.person.Relatives;
import org.tongban.person.Resident;
import org.tongban.person.Residents;
import org.tongban.shared.CreditCode;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.RegionCode;
import org.tongban.shared.Relation;
import org.tongban.unit.AgentScope;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.Units;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whom a case is for: the applicant themselves, a relative the household registry records (为家人申请), or the unit
 * the applicant acts for (法人办事, with an authorisation to file for it). Also fills in what the platform holds about
 * them (the child's name, the unit's name and credit code), never as typed.
 */
@Component
public class FilingFor {

  /** 自然人 and 法人 as the catalogue's 服务对象 says them. */
  static final String PERSONS = "自然人";
  static final String UNITS = "法人";

  private final Relatives relatives;
  private final Residents residents;
  private final Units units;
  private final UnitAgents agents;
  private final Callers callers;
  private final JsonMapper json;

  FilingFor(Relatives relatives, Residents residents, Units units, UnitAgents agents, Callers callers, JsonMapper json) {
    this.relatives = relatives;
    this.residents = residents;
    this.units = units;
    this.agents = agents;
    this.callers = callers;
    this.json = json;
  }

  /**
   * The person the case is about, the relation when it is a relative, and the unit when it is filed in a unit's
   * name (with the unit's region, where the case belongs).
   */
  public record For(Resident person, @Nullable Relation relation, CaseFile.@Nullable ForUnit unit,
                    @Nullable RegionCode unitRegion) {}

  /**
   * Resolves whom {@code subject} names for an item: refuses a relative the item is not for or the registry does not
   * record; in a unit's name, refuses items that are not for units and an authorisation without {@code APPLY};
   * for oneself, refuses items only units apply for.
   */
  public For resolve(ItemSpec spec, Resident applicant, @Nullable PersonId subject) {
    return resolve(spec, applicant, subject, null);
  }

  /**
   * As above; {@code windowUnit}: staff at a window file for this unit, with the applicant present as its legal
   * representative or an agent authorised to file.
   */
  public For resolve(ItemSpec spec, Resident applicant, @Nullable PersonId subject, java.util.@Nullable UUID windowUnit) {
    var caller = callers.current();
    var acting = caller.resident() ? caller.actingUnit() : null;
    if (!caller.resident() && windowUnit != null) {
      if (!spec.audience().contains(UNITS)) throw new NotForUnits(spec.name());
      var standing = agents.standingOf(applicant.id(), windowUnit);
      if (!standing.scopes().contains(AgentScope.APPLY.name())) {
        throw new org.tongban.unit.UnitRefusals.BeyondScope(AgentScope.APPLY.name());
      }
      return forUnit(applicant, standing.id());
    }
    if (acting != null) {
      if (!spec.audience().contains(UNITS)) throw new NotForUnits(spec.name());
      return forUnit(applicant, agents.require(AgentScope.APPLY).id());
    }
    if (!spec.audience().isEmpty() && !spec.audience().contains(PERSONS)) throw new UnitsOnly(spec.name());
    if (subject == null || subject.equals(applicant.id())) return new For(applicant, null, null, null);
    if (spec.forRelatives().isEmpty()) throw new NotForRelatives(spec.name());
    var relation = relatives.relation(applicant.id(), subject).orElseThrow(NotARelative::new);
    if (!spec.forRelatives().contains(relation)) throw new NotForRelatives(spec.name());
    return new For(residents.find(subject).orElseThrow(NotARelative::new), relation, null, null);
  }

  /** The form with what the platform holds about the relative or the unit filled in, and typed credit codes checked. */
  /** A case in the unit's name, as the unit is now; it belongs where the unit is. */
  private For forUnit(Resident applicant, java.util.UUID unitId) {
    var unit = units.find(unitId).orElseThrow();
    return new For(applicant, null, new CaseFile.ForUnit(unit.id(), unit.creditCode().value(), unit.name()),
        unit.region());
  }

  /** The unit a window files for, looked up by its credit code; "not found" for an unknown code. */
  public java.util.UUID unitByCode(String creditCode) {
    return units.findByCode(creditCode).orElseThrow(() -> new org.tongban.unit.UnitRefusals.UnitNotFound(creditCode))
        .id();
  }

  public JsonNode held(ItemSpec spec, JsonNode form, For f) {
    var filled = f.relation() == null ? form : ApplicationForm.withSubject(spec.form(), form, f.person(), json);
    if (f.unit() != null) {
      ObjectNode copy = filled.isObject() ? ((ObjectNode) filled).deepCopy() : json.createObjectNode();
      for (var p : spec.form().path("properties").properties()) {
        switch (p.getValue().path("x-prefill").asString("")) {
          case "unit.name" -> copy.put(p.getKey(), f.unit().name());
          case "unit.creditCode" -> copy.put(p.getKey(), f.unit().creditCode());
          default -> { }
        }
      }
      filled = copy;
    }
    // A credit code typed for oneself (an employer's, say) is checked by GB 32100-2015, with the rule it breaks.
    for (var p : spec.form().path("properties").properties()) {
      if (!"unit.creditCode".equals(p.getValue().path("x-prefill").asString("")) || !filled.has(p.getKey())) continue;
      try {
        new CreditCode(filled.path(p.getKey()).asString());
      } catch (CreditCode.InvalidCreditCode e) {
        throw new InvalidApplication(spec.name(), List.of(FieldProblem.of(p.getKey(), "credit-code-" + e.reason(),
            p.getValue().path("title").asString(p.getKey()))));
      }
    }
    return filled;
  }
}
