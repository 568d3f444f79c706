package org.tongban.unit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.person.PersonId;
import org.tongban.person.Residents;
import org.tongban.shared.ActingUnit;
import org.tongban.shared.IdNumber;
import org.tongban.unit.UnitRefusals.AlreadyAuthorised;
import org.tongban.unit.UnitRefusals.BeyondScope;
import org.tongban.unit.UnitRefusals.InvalidValidity;
import org.tongban.unit.UnitRefusals.NotAuthorised;
import org.tongban.unit.UnitRefusals.NotLegalRepresentative;
import org.tongban.unit.UnitRefusals.PersonNotInRegistry;
import org.tongban.unit.UnitRefusals.UnitNotFound;

/**
 * Who acts for a unit: its legal representative (everything) and the agents (经办人) they authorise, each with scopes
 * and an end date. An authorisation counts until the end of its last day (Beijing time) unless revoked.
 */
@Service
@Transactional(readOnly = true)
public class UnitAgents {

  /** The longest an authorisation may run before the legal representative renews it. */
  static final int MAX_YEARS = 3;
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final JdbcClient jdbc;
  private final Units units;
  private final Residents residents;
  private final Callers callers;
  private final Jurisdiction jurisdiction;
  private final AuditTrail audit;

  UnitAgents(JdbcClient jdbc, Units units, Residents residents, Callers callers, Jurisdiction jurisdiction,
             AuditTrail audit) {
    this.jdbc = jdbc;
    this.units = units;
    this.residents = residents;
    this.callers = callers;
    this.jurisdiction = jurisdiction;
    this.audit = audit;
  }

  private static LocalDate today() {
    return LocalDate.now(CHINA);
  }

  private @Nullable PersonId me() {
    var person = callers.current().person();
    return person == null ? null : new PersonId(person);
  }

  /** The units the signed-in person may act for, the ones they represent first. */
  public List<MyUnit> mine() {
    var person = me();
    if (person == null) return List.of();
    var represented = jdbc.sql("select " + Units.COLUMNS + " from unit.unit where legal_representative = ? order by name")
        .param(person.value()).query(Units::map).list().stream()
        .map(u -> new MyUnit(u, true, EnumSet.allOf(AgentScope.class), null));
    var agentOf = jdbc.sql("select u.id, a.scopes, a.valid_until from unit.agent a join unit.unit u on u.id = a.unit_id"
            + " where a.person_id = ? and a.revoked_at is null and a.valid_until >= ? order by u.name")
        .params(person.value(), today())
        .query((rs, i) -> new MyUnit(units.find(rs.getObject(1, UUID.class)).orElseThrow(), false,
            scopes((String[]) rs.getArray(2).getArray()), rs.getObject(3, LocalDate.class)))
        .list().stream();
    return java.util.stream.Stream.concat(represented, agentOf).toList();
  }

  /**
   * The unit as the signed-in person may act for it now, or a refusal: not found for a unit they have nothing to do
   * with, not authorised when their authorisation ended or was revoked.
   */
  public ActingUnit actingAs(UUID unitId) {
    var unit = units.find(unitId).orElseThrow(() -> new UnitNotFound(unitId.toString()));
    var person = me();
    if (person == null) throw new NotAuthorised();
    if (unit.legalRepresentative().equals(person)) {
      return new ActingUnit(unit.id(), unit.creditCode().value(), unit.name(), names(EnumSet.allOf(AgentScope.class)));
    }
    var scopes = jdbc.sql("select scopes from unit.agent where unit_id = ? and person_id = ? and revoked_at is null"
            + " and valid_until >= ?")
        .params(unitId, person.value(), today()).query((rs, i) -> scopes((String[]) rs.getArray(1).getArray()))
        .optional().orElseThrow(NotAuthorised::new);
    return new ActingUnit(unit.id(), unit.creditCode().value(), unit.name(), names(scopes));
  }

  /**
   * How {@code person} may act for the unit now, for a window filing on behalf of the unit with that person present:
   * as its legal representative (everything) or through an authorisation in force; refused otherwise.
   */
  public ActingUnit standingOf(PersonId person, UUID unitId) {
    var unit = units.find(unitId).orElseThrow(() -> new UnitNotFound(unitId.toString()));
    if (unit.legalRepresentative().equals(person)) {
      return new ActingUnit(unit.id(), unit.creditCode().value(), unit.name(), names(EnumSet.allOf(AgentScope.class)));
    }
    var scopes = jdbc.sql("select scopes from unit.agent where unit_id = ? and person_id = ? and revoked_at is null"
            + " and valid_until >= ?")
        .params(unitId, person.value(), today()).query((rs, i) -> scopes((String[]) rs.getArray(1).getArray()))
        .optional().orElseThrow(NotAuthorised::new);
    return new ActingUnit(unit.id(), unit.creditCode().value(), unit.name(), names(scopes));
  }

  /** Refuses unless the caller acts for a unit with {@code scope}; returns that unit. */
  public ActingUnit require(AgentScope scope) {
    var acting = callers.current().actingUnit();
    if (acting == null) throw new NotAuthorised();
    // Checked again now: an authorisation may have ended or been revoked since the request began.
    var now = actingAs(acting.id());
    if (!now.scopes().contains(scope.name())) throw new BeyondScope(scope.name());
    return now;
  }

  /** A unit's agents, for its legal representative, or for staff whose jurisdiction covers the unit. */
  public List<Agent> agents(UUID unitId) {
    var unit = units.find(unitId).orElseThrow(() -> new UnitNotFound(unitId.toString()));
    if (!unit.legalRepresentative().equals(me())) jurisdiction.require(unit.region(), null, Purpose.VIEW, "unit");
    return jdbc.sql("select id, unit_id, person_id, scopes, valid_until, revoked_at is null and valid_until >= ?"
            + " from unit.agent where unit_id = ? order by revoked_at nulls first, granted_at desc limit 200")
        .params(today(), unitId)
        .query((rs, i) -> {
          var person = new PersonId(rs.getObject(3, UUID.class));
          var resident = residents.find(person).orElseThrow();
          return new Agent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), person, resident.name(),
              resident.idNumberMasked(), scopes((String[]) rs.getArray(4).getArray()), rs.getObject(5, LocalDate.class),
              rs.getBoolean(6));
        })
        .list();
  }

  /**
   * The legal representative authorises the person with {@code idNumber} to act for the unit with {@code scopes}
   * until {@code validUntil} (today at the earliest, three years ahead at the latest). One active authorisation per
   * person: change one by revoking it and granting anew.
   */
  @Transactional
  public Agent grant(UUID unitId, String idNumber, Set<AgentScope> scopes, @Nullable LocalDate validUntil) {
    var unit = representedBy(unitId);
    if (scopes.isEmpty()) throw new UnitRefusals.Missing("scopes");
    if (validUntil == null || validUntil.isBefore(today()) || validUntil.isAfter(today().plusYears(MAX_YEARS))) {
      throw new InvalidValidity();
    }
    var agent = residents.lookup(new IdNumber(idNumber)).orElseThrow(PersonNotInRegistry::new);
    if (agent.id().equals(unit.legalRepresentative())) throw new AlreadyAuthorised();
    var id = UUID.randomUUID();
    int inserted = jdbc.sql("insert into unit.agent (id, unit_id, person_id, scopes, valid_until, granted_by)"
            + " values (?, ?, ?, ?, ?, ?) on conflict (unit_id, person_id) where revoked_at is null do nothing")
        .params(id, unitId, agent.id().value(), scopes.stream().map(Enum::name).sorted().toArray(String[]::new),
            validUntil, callers.current().name())
        .update();
    if (inserted == 0) throw new AlreadyAuthorised();
    audit.record("unit.agent-granted", "unit", unitId.toString(), unit.region(), Map.of("agent",
        agent.idNumberMasked(), "scopes", scopes.stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
        "validUntil", validUntil.toString()));
    return agents(unitId).stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  /** The legal representative ends an authorisation at once. */
  @Transactional
  public void revoke(UUID unitId, UUID agentId) {
    var unit = representedBy(unitId);
    int revoked = jdbc.sql("update unit.agent set revoked_at = now(), revoked_by = ? where id = ? and unit_id = ?"
            + " and revoked_at is null")
        .params(callers.current().name(), agentId, unitId).update();
    if (revoked == 0) {
      boolean exists = jdbc.sql("select exists(select 1 from unit.agent where id = ? and unit_id = ?)")
          .params(agentId, unitId).query(Boolean.class).single();
      throw exists ? new UnitRefusals.AgentEnded() : new UnitNotFound(agentId.toString());
    }
    audit.record("unit.agent-revoked", "unit", unitId.toString(), unit.region(), Map.of("agentId", agentId.toString()));
  }

  /** The unit, if the caller is its legal representative; "not found" to anyone with nothing to do with it. */
  private Unit representedBy(UUID unitId) {
    var unit = units.find(unitId).orElseThrow(() -> new UnitNotFound(unitId.toString()));
    var person = me();
    if (person != null && unit.legalRepresentative().equals(person)) return unit;
    if (person != null && jdbc.sql("select exists(select 1 from unit.agent where unit_id = ? and person_id = ?"
        + " and revoked_at is null)").params(unitId, person.value()).query(Boolean.class).single()) {
      throw new NotLegalRepresentative();
    }
    throw new UnitNotFound(unitId.toString());
  }

  private static Set<AgentScope> scopes(String[] names) {
    return Arrays.stream(names).map(AgentScope::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(AgentScope.class)));
  }

  private static Set<String> names(Set<AgentScope> scopes) {
    return scopes.stream().map(Enum::name).collect(Collectors.toSet());
  }
}
