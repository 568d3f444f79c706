package org.tongban.insurance;

import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;
import org.tongban.shared.RegionCode;

/**
 * Generated insurance data for demos, tests and benchmarks, marked generated on every row (ledger entries, enrolments,
 * average wages, rates, standards say so): a contribution history of whole months paid at one base, written in one
 * statement.
 */
@Service
public class GeneratedInsurance {

  private final JdbcClient jdbc;
  private final InsuranceParameters parameters;
  private final InsuranceFacts facts;
  private final AuditTrail audit;

  GeneratedInsurance(JdbcClient jdbc, InsuranceParameters parameters, InsuranceFacts facts, AuditTrail audit) {
    this.facts = facts;
    this.jdbc = jdbc;
    this.parameters = parameters;
    this.audit = audit;
  }

  /**
   * A paid history of employees' pension and unemployment insurance from {@code from} to {@code to} at {@code baseCents}
   * a month, at the rates in force in {@code to} (generated history does not follow the rate changes of past years).
   * The average wages of those years are not touched: the demo generates its own, and a test enters what it needs.
   */
  @Transactional
  public int history(UUID person, RegionCode region, YearMonth from, YearMonth to, long baseCents) {
    int rows = 0;
    for (var insurance : new Insurance[] {Insurance.PENSION, Insurance.UNEMPLOYMENT}) {
      var rate = parameters.rate(insurance, "EMPLOYEE", region, to, 0).orElse(null);
      if (rate == null) continue;
      rows += jdbc.sql("""
              insert into insurance.ledger (person_id, insurance, month, kind, base_cents, employer_cents,
                individual_cents, account_cents, region_code, source, entered_by, generated)
              select ?, ?, m::date, k, ?, ?, ?, ?, ?, 'generated', 'generated', true
              from generate_series(?::date, ?::date, interval '1 month') m, (values ('DUE'), ('PAID')) kinds(k)""")
          .params(person, insurance.name(), baseCents, InsuranceParameters.share(baseCents, rate.employerBp()),
              InsuranceParameters.share(baseCents, rate.individualBp()),
              InsuranceParameters.share(baseCents, rate.accountBp()), region.value(), from.atDay(1), to.atDay(1))
          .update();
      long monthly = InsuranceParameters.share(baseCents, rate.employerBp())
          + InsuranceParameters.share(baseCents, rate.individualBp());
      var amounts = new java.util.ArrayList<InsuranceFacts.Amount>();
      for (var m = from; !m.isAfter(to); m = m.plusMonths(1)) {
        amounts.add(new InsuranceFacts.Amount("DUE", region, m, monthly));
        amounts.add(new InsuranceFacts.Amount("PAID", region, m, monthly));
      }
      facts.ledger(amounts);
    }
    audit.record("insurance.generated-history", "person", person.toString(), region,
        Map.of("from", from.toString(), "to", to.toString(), "rows", String.valueOf(rows)));
    return rows;
  }

  /** A generated basic pension from {@code start}, marked generated; its inputs say so. */
  @Transactional
  public UUID pension(UUID person, RegionCode region, YearMonth start, long monthlyCents) {
    var id = UUID.randomUUID();
    jdbc.sql("insert into insurance.award (id, person_id, benefit, region_code, start_month, monthly_cents, inputs,"
            + " generated) values (?, ?, 'PENSION', ?, ?, ?, '{\"generated\": true}'::jsonb, true)")
        .params(id, person, region.value(), start.atDay(1), monthlyCents).update();
    jdbc.sql("insert into insurance.qualification (id, person_id, confirmed_on, valid_until, channel, evidence,"
            + " confirmed_by) values (?, ?, ?, ?, 'DATA', '生成数据', 'generated')")
        .params(UUID.randomUUID(), person, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")),
            java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusYears(1)).update();
    return id;
  }

  /** A generated card of the city, issued and (if {@code active}) activated; marked generated. */
  @Transactional
  public UUID card(UUID person, RegionCode city, boolean active) {
    var id = UUID.randomUUID();
    var number = new StringBuilder("LN");
    var random = java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < 10; i++) number.append(random.nextInt(10));
    jdbc.sql("insert into insurance.card (id, person_id, number, city_code, status, case_id, activated_at, generated)"
            + " values (?, ?, ?, ?, ?, ?, ?, true)")
        .params(id, person, number.toString(), city.value(), active ? "ACTIVE" : "ISSUED", UUID.randomUUID(),
            active ? java.sql.Timestamp.from(java.time.Instant.now()) : null)
        .update();
    return id;
  }

  /** A generated employee's enrolment with a generated unit from {@code from}, open; marked generated. */
  @Transactional
  public void employee(UUID person, UUID unit, RegionCode region, Insurance insurance, YearMonth from) {
    jdbc.sql("insert into insurance.enrolment (id, person_id, insurance, scheme, unit_id, region_code, from_month,"
            + " created_by, generated) values (?, ?, ?, 'EMPLOYEE', ?, ?, ?, 'generated', true) on conflict do nothing")
        .params(UUID.randomUUID(), person, insurance.name(), unit, region.value(), from.atDay(1)).update();
    facts.enrolment(insurance, "EMPLOYEE", region, from, 1);
  }

  /** Whether the person has nothing on the ledger yet (demo data is added once). */
  public boolean noRecord(UUID person) {
    return !jdbc.sql("select exists(select 1 from insurance.ledger where person_id = ?)").param(person)
        .query(Boolean.class).single();
  }

  /** Whether any generated award exists (the demo has been generated). */
  public boolean anyGenerated() {
    return jdbc.sql("select exists(select 1 from insurance.award where generated)").query(Boolean.class).single();
  }

  /** A generated provincial rule for deaths not from work (months of the average wage), its notice saying so. */
  @Transactional
  public void survivorStandard(String province, int funeralMonths, int pensionMonths, java.time.LocalDate from) {
    jdbc.sql("insert into insurance.survivor_standard (province_code, effective_from, funeral_months, pension_months,"
            + " notice, entered_by, generated) values (?, ?, ?, ?, '生成的演示标准（非真实文件）', 'generated', true)"
            + " on conflict do nothing")
        .params(province, from, funeralMonths, pensionMonths).update();
  }
}
