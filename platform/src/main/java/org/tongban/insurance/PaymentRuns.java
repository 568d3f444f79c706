package org.tongban.insurance;

import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;

/**
 * 按时足额发放: the monthly run that writes one payment per person, benefit and month for every award due that month.
 * Exactly once, whatever happens: the table's unique key (person, benefit, month) refuses a second row, so a run killed
 * at any point and resumed, or started twice at once, pays nobody twice; each batch commits its payments together with
 * the run's cursor, so a resumed run continues where the last commit left it and skips nobody. Awards stopped or ended
 * after the month still get that month (it was due); later months not.
 */
@Service
public class PaymentRuns {

  /** Awards per batch: one short transaction each. */
  static final int BATCH = 10_000;

  public record Run(UUID id, YearMonth month, int created, boolean finished) {}

  /** Called inside each batch's transaction after its insert: a test's way to die at that point. */
  @FunctionalInterface
  interface Fault {
    void after(int batch);
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Jurisdiction jurisdiction;
  private final Callers callers;
  private final InsuranceFacts facts;
  private final AuditTrail audit;

  PaymentRuns(JdbcClient jdbc, TransactionTemplate transactions, Jurisdiction jurisdiction, Callers callers,
              InsuranceFacts facts, AuditTrail audit) {
    this.facts = facts;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.jurisdiction = jurisdiction;
    this.callers = callers;
    this.audit = audit;
  }

  /**
   * Runs (or resumes) {@code month} for the awards in the officer's jurisdiction; the current month or an earlier one.
   */
  public Run run(@Nullable YearMonth month) {
    var filter = jurisdiction.filter(Purpose.CAPTURE, InsuranceParameters.DEPARTMENT);
    if (filter.isEmpty()) throw new org.tongban.access.OutOfJurisdiction("payment-run");
    if (month == null || month.isAfter(Enrolments.thisMonth())) throw new InsuranceRefusals.InvalidParameter("month");
    return run(month, filter.patterns(), callers.current().name(), BATCH, batch -> { });
  }

  /**
   * The platform's own run of {@code month} for every region (the monthly schedule, benchmarks): resumes a run the
   * same starter left unfinished.
   */
  public Run runEverywhere(YearMonth month, String by, int batchSize) {
    return run(month, new String[] {"%"}, by, batchSize, batch -> { });
  }

  Run run(YearMonth month, String[] regions, String by, int batchSize, Fault fault) {
    var run = unfinished(month, by).orElseGet(() -> {
      var id = UUID.randomUUID();
      jdbc.sql("insert into insurance.payment_run (id, month, started_by) values (?, ?, ?)")
          .params(id, month.atDay(1), by).update();
      return id;
    });
    long cursor = jdbc.sql("select coalesce(cursor_seq, 0) from insurance.payment_run where id = ?").param(run)
        .query(Long.class).single();
    int batch = 0;
    while (true) {
      final long from = cursor;
      final int number = ++batch;
      Long next = transactions.execute(tx -> {
        var done = jdbc.sql("""
                with due as (
                  select a.id, a.seq, a.person_id, a.benefit, a.monthly_cents, a.region_code, a.generated
                  from insurance.award a
                  where a.seq > ?
                    and a.region_code like any(?)
                    and a.start_month <= ?
                    and (a.months is null or a.start_month + (a.months - 1) * interval '1 month' >= ?)
                    and (a.status = 'ACTIVE' or a.stopped_month >= ?)
                    and (a.last_month is null or a.last_month >= ?)
                  order by a.seq limit ?),
                made as (
                  insert into insurance.payment (award_id, person_id, benefit, month, amount_cents, region_code, run_id,
                                                 generated)
                  select id, person_id, benefit, ?, monthly_cents, region_code, ?, generated from due
                  on conflict (person_id, benefit, month) do nothing
                  returning region_code)
                select (select max(seq) from due), (select count(*) from made),
                  (select coalesce(array_agg(region_code || ':' || n), '{}') from (select region_code, count(*) n from made
                   group by region_code) r)""")
            .params(from, regions, month.atDay(1), month.atDay(1), month.atDay(1), month.atDay(1), batchSize, month.atDay(1),
                run)
            .query((rs, i) -> {
              var counts = new java.util.HashMap<org.tongban.shared.RegionCode, Long>();
              for (String rc : (String[]) rs.getArray(3).getArray()) {
                counts.put(org.tongban.shared.RegionCode.of(rc.substring(0, rc.indexOf(':'))),
                    Long.parseLong(rc.substring(rc.indexOf(':') + 1)));
              }
              facts.payments(InsuranceFacts.PAYMENTS, counts, month);
              return Map.entry(Optional.ofNullable((Long) rs.getObject(1)), rs.getInt(2));
            }).single();
        if (done.getKey().isEmpty()) return null;
        jdbc.sql("update insurance.payment_run set cursor_seq = ?, created = created + ? where id = ?"
                + " and (cursor_seq is null or cursor_seq < ?)")
            .params(done.getKey().get(), done.getValue(), run, done.getKey().get()).update();
        fault.after(number);
        return done.getKey().get();
      });
      if (next == null) break;
      cursor = next;
    }
    jdbc.sql("update insurance.payment_run set finished_at = now() where id = ? and finished_at is null").param(run)
        .update();
    int created = jdbc.sql("select created from insurance.payment_run where id = ?").param(run).query(Integer.class)
        .single();
    audit.record("insurance.payment-run", "payment-run", run.toString(), null,
        Map.of("month", month.toString(), "created", String.valueOf(created)));
    return new Run(run, month, created, true);
  }

  /** The month's run left unfinished (killed) by the same starter, to resume from its cursor. */
  private Optional<UUID> unfinished(YearMonth month, String by) {
    return jdbc.sql("select id from insurance.payment_run where month = ? and started_by = ? and finished_at is null"
            + " order by started_at desc limit 1")
        .params(month.atDay(1), by).query(UUID.class).optional();
  }
}
