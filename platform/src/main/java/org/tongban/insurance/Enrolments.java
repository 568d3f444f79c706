package org.tongban.insurance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.audit.AuditTrail;
import org.tongban.employment.WorkPlaces;
import org.tongban.insurance.InsuranceRefusals.AlreadyEnrolled;
import org.tongban.insurance.InsuranceRefusals.InvalidEnrolment;
import org.tongban.insurance.InsuranceRefusals.NotEnrolled;
import org.tongban.insurance.InsuranceRefusals.NotPlaceOfWork;
import org.tongban.insurance.InsuranceRefusals.PersonNotFound;
import org.tongban.person.PersonId;
import org.tongban.person.Resident;
import org.tongban.person.Residents;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.IdNumber;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;
import org.tongban.unit.AgentScope;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.Units;

/**
 * 参保登记 in its three forms: a unit enrolling an employee in the employees' insurances (增员) and ending it when the
 * work ends (减员, with why: an involuntary end is what 失业保险金 needs); a flexible worker enrolling on their own at
 * the place of work (就业地参保: where they live or where the employment service has recorded their work, refused
 * elsewhere with the reason); a resident joining a residents' scheme where the household is registered. One open
 * enrolment per person and insurance; an employees' pension replaces a flexible or residents' one from its first month.
 */
@Service
@Transactional(readOnly = true)
public class Enrolments {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final Set<Insurance> EMPLOYEES = EnumSet.of(Insurance.PENSION, Insurance.MEDICAL,
      Insurance.UNEMPLOYMENT, Insurance.INJURY, Insurance.MATERNITY);

  /** Why an employment's insurance ended. */
  public enum EndReason { INVOLUNTARY, VOLUNTARY, RETIRED, DIED, TRANSFERRED, OTHER }

  private final JdbcClient jdbc;
  private final Residents residents;
  private final Units units;
  private final UnitAgents agents;
  private final InsuranceParameters parameters;
  private final WorkPlaces workPlaces;
  private final Awards awards;
  private final InsuranceFacts facts;
  private final Callers callers;
  private final AuditTrail audit;
  private final org.springframework.context.ApplicationEventPublisher events;

  Enrolments(JdbcClient jdbc, Residents residents, Units units, UnitAgents agents, InsuranceParameters parameters,
             WorkPlaces workPlaces, Awards awards, InsuranceFacts facts, Callers callers, AuditTrail audit,
             org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.awards = awards;
    this.facts = facts;
    this.jdbc = jdbc;
    this.residents = residents;
    this.units = units;
    this.agents = agents;
    this.parameters = parameters;
    this.workPlaces = workPlaces;
    this.callers = callers;
    this.audit = audit;
  }

  static YearMonth thisMonth() {
    return YearMonth.now(CHINA);
  }

  /**
   * 增员: the acting unit enrols an employee (by ID number) in the employees' insurances from a month (at most one
   * month ahead). 工伤 needs the unit's risk class set by the agency. Every problem at once; nothing written on any.
   */
  @Transactional
  public List<Enrolment> enrolEmployee(@Nullable String idNumber, Set<Insurance> insurances, @Nullable YearMonth from) {
    var unitId = agents.require(AgentScope.APPLY).id();
    var unit = units.find(unitId).orElseThrow();
    var problems = new ArrayList<FieldProblem>();
    Resident person = null;
    try {
      person = residents.lookup(new IdNumber(idNumber == null ? "" : idNumber.strip().toUpperCase())).orElse(null);
      if (person == null) problems.add(FieldProblem.of("idNumber", "insurance-person-unknown"));
    } catch (IdNumber.InvalidIdNumber e) {
      problems.add(FieldProblem.of("idNumber", "insurance-id-number"));
    }
    if (insurances.isEmpty() || !EMPLOYEES.containsAll(insurances)) problems.add(FieldProblem.of("insurances", "insurance-employee-set"));
    if (from == null || from.isAfter(thisMonth().plusMonths(1)) || from.getYear() < 1990) {
      problems.add(FieldProblem.of("from", "insurance-from-month"));
    }
    if (insurances.contains(Insurance.INJURY) && from != null && parameters.injuryClass(unitId, from).isEmpty()) {
      problems.add(FieldProblem.of("insurances", "insurance-injury-class-missing"));
    }
    if (person != null && from != null) {
      for (var open : open(person.id().value())) {
        if (insurances.contains(open.insurance()) && open.scheme().equals("EMPLOYEE")) {
          problems.add(FieldProblem.of("insurances", "insurance-already-enrolled", open.insurance().zh()));
        }
      }
    }
    if (!problems.isEmpty()) throw new InvalidEnrolment(problems);
    var made = new ArrayList<Enrolment>();
    for (var insurance : insurances) {
      lockPerson(person.id().value());
      // An employees' pension or medical insurance takes over from a flexible or residents' one (never both at once).
      replaceOwn(person.id().value(), insurance, from);
      if (insurance == Insurance.PENSION) replaceOwn(person.id().value(), Insurance.RESIDENT_PENSION, from);
      if (insurance == Insurance.MEDICAL) replaceOwn(person.id().value(), Insurance.RESIDENT_MEDICAL, from);
      made.add(insert(person.id().value(), insurance, "EMPLOYEE", unitId, unit.region(), from));
    }
    // Work began: a running 失业保险金 stops from this month (社会保险法 art. 51 (1)).
    awards.stop(person.id().value(), UnemploymentBenefits.BENEFIT, Awards.StopReason.REEMPLOYED, from.minusMonths(1));
    audit.record("insurance.employee-enrolled", "unit", unitId.toString(), unit.region(),
        Map.of("person", person.id().value().toString(), "insurances", insurances.toString(), "from", from.toString()));
    return made;
  }

  /** 减员: the acting unit ends an employee's insurances with it after {@code lastMonth}, saying why. */
  @Transactional
  public List<Enrolment> endEmployment(UUID person, @Nullable YearMonth lastMonth, @Nullable EndReason reason) {
    var unitId = agents.require(AgentScope.APPLY).id();
    var mine = open(person).stream().filter(e -> unitId.equals(e.unit())).toList();
    if (mine.isEmpty()) throw new NotEnrolled("employee");
    var problems = new ArrayList<FieldProblem>();
    if (reason == null) problems.add(FieldProblem.of("reason", "insurance-end-reason"));
    if (lastMonth == null || lastMonth.isAfter(thisMonth())
        || mine.stream().anyMatch(e -> lastMonth.isBefore(e.from().minusMonths(1)))) {
      problems.add(FieldProblem.of("lastMonth", "insurance-last-month"));
    }
    if (!problems.isEmpty()) throw new InvalidEnrolment(problems);
    var ended = new ArrayList<Enrolment>();
    for (var e : mine) {
      // Guarded: only an enrolment still open is ended.
      var last = max(lastMonth, e.from());
      if (jdbc.sql("update insurance.enrolment set to_month = ?, end_reason = ? where id = ? and to_month is null")
          .params(last.atDay(1), reason.name(), e.id()).update() != 1) {
        throw new NotEnrolled("employee");
      }
      facts.enrolment(e.insurance(), e.scheme(), e.region(), last.plusMonths(1), -1);
      events.publishEvent(new EnrolmentChanged(e.id()));
      ended.add(find(e.id()));
    }
    audit.record("insurance.employee-left", "unit", unitId.toString(), mine.getFirst().region(),
        Map.of("person", person.toString(), "lastMonth", lastMonth.toString(), "reason", reason.name()));
    return ended;
  }

  /**
   * 灵活就业人员参保 by the signed-in resident at the place of work: a county where they live (residence or household)
   * or where the employment service has recorded their work; refused elsewhere, naming the rule.
   */
  @Transactional
  public List<Enrolment> enrolFlexible(@Nullable String workPlace, Set<Insurance> insurances) {
    var person = me();
    var problems = new ArrayList<FieldProblem>();
    RegionCode place = null;
    try {
      place = workPlace == null ? null : RegionCode.of(workPlace);
    } catch (RegionCode.InvalidRegionCode e) {
      place = null;
    }
    if (place == null || place.level().number() < RegionLevel.COUNTY.number()) {
      problems.add(FieldProblem.of("workPlace", "insurance-work-place"));
    }
    if (insurances.isEmpty() || !insurances.stream().allMatch(Insurance::flexible)) {
      problems.add(FieldProblem.of("insurances", "insurance-flexible-set"));
    }
    if (!problems.isEmpty()) throw new InvalidEnrolment(problems);
    var county = place.atLevel(RegionLevel.COUNTY);
    boolean lives = person.residenceRegion().isWithin(county) || person.householdRegion().isWithin(county);
    if (!lives && !workPlaces.worksIn(person.id().value(), county)) throw new NotPlaceOfWork(county.value());
    lockPerson(person.id().value());
    var open = open(person.id().value());
    for (var insurance : insurances) {
      if (open.stream().anyMatch(e -> e.insurance() == insurance)) throw new AlreadyEnrolled(insurance.zh());
    }
    var made = new ArrayList<Enrolment>();
    var from = thisMonth();
    for (var insurance : insurances) {
      if (insurance == Insurance.PENSION) replaceOwn(person.id().value(), Insurance.RESIDENT_PENSION, from);
      if (insurance == Insurance.MEDICAL) replaceOwn(person.id().value(), Insurance.RESIDENT_MEDICAL, from);
      made.add(insert(person.id().value(), insurance, "FLEXIBLE", null, county, from));
    }
    awards.stop(person.id().value(), UnemploymentBenefits.BENEFIT, Awards.StopReason.REEMPLOYED, from.minusMonths(1));
    audit.record("insurance.flexible-enrolled", "person", person.id().value().toString(), county,
        Map.of("insurances", insurances.toString()));
    return made;
  }

  /**
   * 灵活就业人员停保: the signed-in resident ends their flexible enrolments with this month (the month stays theirs to
   * pay); a benefit claim then no longer finds them working.
   */
  @Transactional
  public List<Enrolment> endFlexible() {
    var person = me();
    lockPerson(person.id().value());
    var own = open(person.id().value()).stream().filter(e -> e.scheme().equals("FLEXIBLE")).toList();
    if (own.isEmpty()) throw new NotEnrolled("flexible");
    var ended = new ArrayList<Enrolment>();
    for (var e : own) {
      var last = max(thisMonth(), e.from());
      if (jdbc.sql("update insurance.enrolment set to_month = ?, end_reason = 'OTHER' where id = ? and to_month is null")
          .params(last.atDay(1), e.id()).update() != 1) {
        throw new NotEnrolled("flexible");
      }
      facts.enrolment(e.insurance(), e.scheme(), e.region(), last.plusMonths(1), -1);
      events.publishEvent(new EnrolmentChanged(e.id()));
      ended.add(find(e.id()));
    }
    audit.record("insurance.flexible-ended", "person", person.id().value().toString(), own.getFirst().region(),
        Map.of("lastMonth", thisMonth().toString()));
    return ended;
  }

  /** A residents' scheme where the household is registered; refused while the employees' counterpart is open. */
  @Transactional
  public Enrolment enrolResident(Insurance scheme) {
    if (!scheme.residents()) throw new InvalidEnrolment(List.of(FieldProblem.of("insurance", "insurance-residents-set")));
    var person = me();
    lockPerson(person.id().value());
    var counterpart = scheme == Insurance.RESIDENT_PENSION ? Insurance.PENSION : Insurance.MEDICAL;
    for (var e : open(person.id().value())) {
      if (e.insurance() == scheme || e.insurance() == counterpart) throw new AlreadyEnrolled(e.insurance().zh());
    }
    var made = insert(person.id().value(), scheme, "RESIDENT", null, person.householdRegion(), thisMonth());
    audit.record("insurance.resident-enrolled", "person", person.id().value().toString(), person.householdRegion(),
        Map.of("insurance", scheme.name()));
    return made;
  }

  /** The signed-in resident's enrolments, open ones first. */
  public List<Enrolment> mine() {
    return of(me().id().value());
  }

  public List<Enrolment> of(UUID person) {
    return jdbc.sql("select " + COLUMNS + " from insurance.enrolment where person_id = ?"
        + " order by to_month is not null, from_month desc, insurance").param(person).query(Enrolments::map).list();
  }

  /** The person's open enrolments. */
  public List<Enrolment> open(UUID person) {
    return jdbc.sql("select " + COLUMNS + " from insurance.enrolment where person_id = ? and to_month is null")
        .param(person).query(Enrolments::map).list();
  }

  /** The acting unit's employees with open enrolments, by person: who a declaration may name. */
  public List<Enrolment> ofActingUnit(boolean openOnly) {
    var unitId = agents.require(AgentScope.APPLY).id();
    return jdbc.sql("select " + COLUMNS + " from insurance.enrolment where unit_id = ?"
            + (openOnly ? " and to_month is null" : "") + " order by person_id, insurance limit 5000")
        .param(unitId).query(Enrolments::map).list();
  }

  Enrolment find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from insurance.enrolment where id = ?").param(id).query(Enrolments::map)
        .single();
  }

  /** The signed-in resident's person id; refused when the account is not linked to the registry. */
  public UUID myPersonId() {
    return me().id().value();
  }

  Resident me() {
    var person = callers.current().person();
    if (person == null) throw new PersonNotFound();
    return residents.find(new PersonId(person)).orElseThrow(PersonNotFound::new);
  }

  /** Serialises enrolment changes of one person (two windows enrolling the same person at once). */
  void lockPerson(UUID person) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("insurance-enrolment:" + person).query((rs, i) -> 1)
        .list();
  }

  /** Ends an open flexible or residents' enrolment in {@code insurance} before {@code from}. */
  private void replaceOwn(UUID person, Insurance insurance, YearMonth from) {
    for (var e : open(person)) {
      if (e.insurance() == insurance && !e.scheme().equals("EMPLOYEE")) {
        var last = max(from.minusMonths(1), e.from());
        if (jdbc.sql("update insurance.enrolment set to_month = ?, end_reason = 'TRANSFERRED' where id = ?"
            + " and to_month is null").params(last.atDay(1), e.id()).update() == 1) {
          facts.enrolment(e.insurance(), e.scheme(), e.region(), last.plusMonths(1), -1);
          events.publishEvent(new EnrolmentChanged(e.id()));
        }
      }
    }
  }

  private Enrolment insert(UUID person, Insurance insurance, String scheme, @Nullable UUID unit, RegionCode region,
                           YearMonth from) {
    var id = UUID.randomUUID();
    try {
      jdbc.sql("insert into insurance.enrolment (id, person_id, insurance, scheme, unit_id, region_code, from_month,"
              + " created_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(id, person, insurance.name(), scheme, unit, region.value(), from.atDay(1), callers.current().name())
          .update();
    } catch (org.springframework.dao.DuplicateKeyException e) {
      throw new AlreadyEnrolled(insurance.zh());
    }
    facts.enrolment(insurance, scheme, region, from, 1);
    events.publishEvent(new EnrolmentChanged(id));
    return find(id);
  }

  private static YearMonth max(YearMonth a, YearMonth b) {
    return a.isAfter(b) ? a : b;
  }

  static LocalDate today() {
    return LocalDate.now(CHINA);
  }

  static final String COLUMNS = "id, person_id, insurance, scheme, unit_id, region_code, from_month, to_month,"
      + " end_reason, generated";

  static Enrolment map(ResultSet rs, int i) throws SQLException {
    var to = rs.getDate("to_month");
    return new Enrolment(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
        Insurance.valueOf(rs.getString("insurance")), rs.getString("scheme"), rs.getObject("unit_id", UUID.class),
        RegionCode.of(rs.getString("region_code")), YearMonth.from(rs.getDate("from_month").toLocalDate()),
        to == null ? null : YearMonth.from(to.toLocalDate()), rs.getString("end_reason"), rs.getBoolean("generated"));
  }
}
