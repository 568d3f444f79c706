package org.tongban.insurance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.audit.AuditTrail;
import org.tongban.insurance.InsuranceRefusals.InvalidDeclaration;
import org.tongban.insurance.InsuranceRefusals.NothingToPay;
import org.tongban.person.Residents;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.IdNumber;
import org.tongban.shared.RegionCode;
import org.tongban.shared.Yuan;
import org.tongban.unit.AgentScope;
import org.tongban.unit.UnitAgents;

/**
 * 社会保险费申报 and payment (社会保险法 art. 60; 社会保险费征缴暂行条例 art. 10): a unit declares each employee's wage for a
 * month; the base is the wage clamped into 60 %–300 % of the province's average wage of the year, and the ledger gets a
 * DUE entry per insurance the person is enrolled in with the unit, at the rates in force there. Paying a month writes the
 * PAID entries once (a second payment finds nothing left to pay); a month paid after it ended carries the late fee of
 * 万分之五 a day from the day after the month (社会保险法 art. 86). A flexible worker declares and pays their own month in
 * one step, at a base they choose within the band, the current month or back months of this year while enrolled.
 */
@Service
@Transactional(readOnly = true)
public class Declarations {

  /** 社会保险法 art. 86: 万分之五 per day. */
  static final int LATE_FEE_PER_DAY_PER_10000 = 5;

  /** One employee's line: ID number and monthly wage in yuan; an explicit base (yuan) must lie in the band. */
  public record Line(@Nullable String idNumber, @Nullable String wage, @Nullable String base) {}

  /** What a declaration wrote: one row per person, with the base used and the dues. */
  public record Declared(YearMonth month, int persons, long employerCents, long individualCents) {}

  /** A payment: rows paid, contributions and the late fee. */
  public record Paid(YearMonth month, int entries, long contributionCents, long lateFeeCents, int lateDays) {}

  private final JdbcClient jdbc;
  private final Enrolments enrolments;
  private final InsuranceParameters parameters;
  private final Residents residents;
  private final UnitAgents agents;
  private final InsuranceFacts facts;
  private final Callers callers;
  private final AuditTrail audit;

  Declarations(JdbcClient jdbc, Enrolments enrolments, InsuranceParameters parameters, Residents residents,
               UnitAgents agents, InsuranceFacts facts, Callers callers, AuditTrail audit) {
    this.facts = facts;
    this.jdbc = jdbc;
    this.enrolments = enrolments;
    this.parameters = parameters;
    this.residents = residents;
    this.agents = agents;
    this.callers = callers;
    this.audit = audit;
  }

  private record Due(UUID person, Insurance insurance, long base, long employer, long individual, long account,
                     RegionCode region) {}

  /** The acting unit's declaration for {@code month}: every line checked first; a problem in any writes nothing. */
  @Transactional
  public Declared declare(@Nullable YearMonth month, List<Line> lines) {
    var unitId = agents.require(AgentScope.APPLY).id();
    var problems = new ArrayList<FieldProblem>();
    if (month == null || month.isAfter(Enrolments.thisMonth())) {
      throw new InvalidDeclaration(List.of(FieldProblem.of("month", "insurance-month-future")));
    }
    if (lines.isEmpty() || lines.size() > 5000) throw new InvalidDeclaration(List.of(FieldProblem.of("lines", "insurance-lines")));
    var dues = new ArrayList<Due>();
    var seen = new HashSet<UUID>();
    var wages = new java.util.HashMap<UUID, long[]>();
    var bands = new java.util.HashMap<String, java.util.Optional<InsuranceParameters.Band>>();
    var rates = new java.util.HashMap<String, java.util.Optional<InsuranceParameters.Rate>>();
    for (int i = 0; i < lines.size(); i++) {
      var line = lines.get(i);
      String field = "lines[" + i + "]";
      UUID person;
      try {
        person = residents.lookup(new IdNumber(line.idNumber() == null ? "" : line.idNumber().strip().toUpperCase()))
            .map(r -> r.id().value()).orElse(null);
      } catch (IdNumber.InvalidIdNumber e) {
        problems.add(FieldProblem.of(field + ".idNumber", "insurance-id-number"));
        continue;
      }
      var employed = person == null ? List.<Enrolment>of() : enrolments.of(person).stream()
          .filter(e -> unitId.equals(e.unit()) && e.covers(month)).toList();
      if (employed.isEmpty()) {
        // The same answer whether the person is unknown or works elsewhere: a unit learns nothing about strangers.
        problems.add(FieldProblem.of(field + ".idNumber", "insurance-not-employee", month.toString()));
        continue;
      }
      if (!seen.add(person)) {
        problems.add(FieldProblem.of(field + ".idNumber", "insurance-line-twice"));
        continue;
      }
      var wage = Yuan.cents(line.wage(), 10_000_000);
      if (wage.isEmpty() && !"0".equals(line.wage() == null ? null : line.wage().strip())) {
        problems.add(FieldProblem.of(field + ".wage", "insurance-wage"));
        continue;
      }
      var region = employed.getFirst().region();
      // One look-up per province and per rate for the whole declaration, not one per line.
      var band = bands.computeIfAbsent(region.value().substring(0, 2),
          p -> parameters.band(region, month.getYear())).orElse(null);
      if (band == null) {
        problems.add(FieldProblem.of(field + ".wage", "insurance-band-missing", month.getYear()));
        continue;
      }
      long wageCents = wage.orElse(0);
      long base = band.clamp(wageCents);
      if (line.base() != null && !line.base().isBlank()) {
        var typed = Yuan.cents(line.base(), 10_000_000);
        if (typed.isEmpty() || typed.getAsLong() < band.floorCents() || typed.getAsLong() > band.ceilingCents()) {
          problems.add(FieldProblem.of(field + ".base", "insurance-base-band", Yuan.format(band.floorCents()),
              Yuan.format(band.ceilingCents())));
          continue;
        }
        if (typed.getAsLong() < base) {
          problems.add(FieldProblem.of(field + ".base", "insurance-base-below-wage", Yuan.format(base)));
          continue;
        }
        base = typed.getAsLong();
      }
      wages.put(person, new long[] {wageCents, base});
      for (var e : employed) {
        int riskClass = 0;
        int floatPercent = 100;
        if (e.insurance() == Insurance.INJURY) {
          var cls = parameters.injuryClass(unitId, month).orElse(null);
          if (cls == null) {
            problems.add(FieldProblem.of(field, "insurance-injury-class-missing"));
            continue;
          }
          riskClass = cls.riskClass();
          floatPercent = cls.floatPercent();
        }
        int cls = riskClass;
        var rate = rates.computeIfAbsent(e.insurance() + "|" + e.region().value() + "|" + cls,
            k -> parameters.rate(e.insurance(), "EMPLOYEE", e.region(), month, cls)).orElse(null);
        if (rate == null) {
          problems.add(FieldProblem.of(field, "insurance-rate-missing", e.insurance().zh(), month.toString()));
          continue;
        }
        long employer = InsuranceParameters.share(base, rate.employerBp() * floatPercent / 100);
        dues.add(new Due(person, e.insurance(), base, employer, InsuranceParameters.share(base, rate.individualBp()),
            InsuranceParameters.share(base, rate.accountBp()), e.region()));
      }
    }
    if (!problems.isEmpty()) throw new InvalidDeclaration(problems);
    String by = callers.current().name();
    for (var w : wages.entrySet()) {
      try {
        jdbc.sql("insert into insurance.declaration (unit_id, person_id, month, wage_cents, base_cents, declared_by)"
                + " values (?, ?, ?, ?, ?, ?)")
            .params(unitId, w.getKey(), month.atDay(1), w.getValue()[0], w.getValue()[1], by).update();
      } catch (DuplicateKeyException e) {
        // Declared before (perhaps at the same moment in another window): a change is a correction, not a new row.
        throw new InvalidDeclaration(List.of(FieldProblem.of("month", "insurance-already-declared", month.toString())));
      }
    }
    long employer = 0;
    long individual = 0;
    var amounts = new ArrayList<InsuranceFacts.Amount>();
    for (var d : dues) {
      post(d.person(), d.insurance(), month, "DUE", d.base(), d.employer(), d.individual(), d.account(), 0, unitId,
          d.region(), "declaration:" + unitId + ":" + month, by);
      employer += d.employer();
      individual += d.individual();
      amounts.add(new InsuranceFacts.Amount("DUE", d.region(), month, d.employer() + d.individual()));
    }
    facts.ledger(amounts);
    audit.record("insurance.declared", "unit", unitId.toString(), dues.isEmpty() ? null : dues.getFirst().region(),
        Map.of("month", month.toString(), "persons", String.valueOf(wages.size()), "employerCents",
            String.valueOf(employer), "individualCents", String.valueOf(individual)));
    return new Declared(month, wages.size(), employer, individual);
  }

  /** The acting unit pays what it owes for {@code month}: every due entry not yet paid, with the late fee if late. */
  @Transactional
  public Paid pay(@Nullable YearMonth month) {
    var unitId = agents.require(AgentScope.APPLY).id();
    if (month == null || month.isAfter(Enrolments.thisMonth())) {
      throw new InvalidDeclaration(List.of(FieldProblem.of("month", "insurance-month-future")));
    }
    var today = Enrolments.today();
    int lateDays = lateDays(month, today);
    var paidAmounts = new ArrayList<InsuranceFacts.Amount>();
    // The partial unique index on PAID rows makes a second (or concurrent) payment insert nothing.
    var rows = jdbc.sql("insert into insurance.ledger (person_id, insurance, month, kind, base_cents, employer_cents,"
            + " individual_cents, account_cents, late_fee_cents, unit_id, region_code, source, entered_by)"
            + " select d.person_id, d.insurance, d.month, 'PAID', d.base_cents, d.employer_cents, d.individual_cents,"
            + " d.account_cents, round((d.employer_cents + d.individual_cents) * ? * ? / 10000.0)::bigint, d.unit_id, d.region_code, ?, ?"
            + " from insurance.ledger d where d.kind = 'DUE' and d.unit_id = ? and d.month = ?"
            + " on conflict (person_id, insurance, month, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid))"
            + " where kind = 'PAID' do nothing"
            + " returning employer_cents + individual_cents, late_fee_cents, region_code")
        .params(LATE_FEE_PER_DAY_PER_10000, lateDays, "payment:" + unitId + ":" + month + ":" + today,
            callers.current().name(), unitId, month.atDay(1))
        .query((rs, i) -> Map.entry(new long[] {rs.getLong(1), rs.getLong(2)}, rs.getString(3))).list()
        .stream().map(e -> {
          paidAmounts.add(new InsuranceFacts.Amount("PAID", org.tongban.shared.RegionCode.of(e.getValue()), month,
              e.getKey()[0]));
          return e.getKey();
        }).toList();
    if (rows.isEmpty()) throw new NothingToPay(month.toString());
    facts.ledger(paidAmounts);
    long contributions = rows.stream().mapToLong(r -> r[0]).sum();
    long fee = rows.stream().mapToLong(r -> r[1]).sum();
    audit.record("insurance.paid", "unit", unitId.toString(), null, Map.of("month", month.toString(),
        "entries", String.valueOf(rows.size()), "contributionCents", String.valueOf(contributions),
        "lateFeeCents", String.valueOf(fee)));
    return new Paid(month, rows.size(), contributions, fee, lateDays);
  }

  /**
   * A flexible worker's own month: declared and paid at once at a base within the band (the floor when none is
   * given). The current month, or a month of this year the worker was enrolled in and has not paid (补缴: earlier years
   * only at the window, with staff).
   */
  @Transactional
  public Paid payOwnMonth(@Nullable YearMonth month, @Nullable String base) {
    var me = enrolments.me();
    var person = me.id().value();
    var now = Enrolments.thisMonth();
    if (month == null || month.isAfter(now)) throw new InvalidDeclaration(List.of(FieldProblem.of("month", "insurance-month-future")));
    if (month.getYear() != now.getYear()) {
      throw new InvalidDeclaration(List.of(FieldProblem.of("month", "insurance-back-pay-year", now.getYear())));
    }
    var own = enrolments.of(person).stream().filter(e -> e.scheme().equals("FLEXIBLE") && e.covers(month)).toList();
    if (own.isEmpty()) throw new InvalidDeclaration(List.of(FieldProblem.of("month", "insurance-not-enrolled-month", month.toString())));
    var region = own.getFirst().region();
    var band = parameters.requireBand(region, month.getYear());
    long chosen = band.floorCents();
    if (base != null && !base.isBlank()) {
      var typed = Yuan.cents(base, 10_000_000);
      if (typed.isEmpty() || typed.getAsLong() < band.floorCents() || typed.getAsLong() > band.ceilingCents()) {
        throw new InvalidDeclaration(List.of(FieldProblem.of("base", "insurance-base-band", Yuan.format(band.floorCents()),
            Yuan.format(band.ceilingCents()))));
      }
      chosen = typed.getAsLong();
    }
    enrolments.lockPerson(person);
    String by = callers.current().name();
    String source = "flexible:" + person + ":" + month;
    long total = 0;
    int entries = 0;
    for (var e : own) {
      var rate = parameters.requireRate(e.insurance(), "FLEXIBLE", region, month, 0);
      long individual = InsuranceParameters.share(chosen, rate.individualBp() + rate.employerBp());
      long account = InsuranceParameters.share(chosen, rate.accountBp());
      try {
        post(person, e.insurance(), month, "DUE", chosen, 0, individual, account, 0, null, region, source, by);
        post(person, e.insurance(), month, "PAID", chosen, 0, individual, account, 0, null, region, source, by);
      } catch (DuplicateKeyException already) {
        throw new NothingToPay(month.toString());
      }
      total += individual;
      entries++;
      facts.ledger(List.of(new InsuranceFacts.Amount("DUE", region, month, individual),
          new InsuranceFacts.Amount("PAID", region, month, individual)));
    }
    audit.record("insurance.flexible-paid", "person", person.toString(), region, Map.of("month", month.toString(),
        "baseCents", String.valueOf(chosen), "totalCents", String.valueOf(total)));
    return new Paid(month, entries, total, 0, 0);
  }

  /** Days late for a month paid on {@code day}: from the first day after the month. */
  static int lateDays(YearMonth month, LocalDate day) {
    var due = month.plusMonths(1).atDay(1);
    return day.isBefore(due) ? 0 : (int) ChronoUnit.DAYS.between(due, day) + 1;
  }

  void post(UUID person, Insurance insurance, YearMonth month, String kind, @Nullable Long base, long employer,
            long individual, long account, long lateFee, @Nullable UUID unit, RegionCode region, String source,
            String by) {
    jdbc.sql("insert into insurance.ledger (person_id, insurance, month, kind, base_cents, employer_cents,"
            + " individual_cents, account_cents, late_fee_cents, unit_id, region_code, source, entered_by)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(person, insurance.name(), month.atDay(1), kind, base, employer, individual, account, lateFee, unit,
            region.value(), source, by)
        .update();
  }
}
