package org.tongban.bench;

import java.time.YearMonth;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.insurance.PaymentRuns;

/**
 * The monthly payment run under load (bench/payments.sh), against the PostgreSQL server in {@code SPRING_DATASOURCE_URL}:
 * <ul>
 *   <li>{@code prepare <pensioners>}: that many generated basic pensions (marked generated) over every village;</li>
 *   <li>{@code run <yyyy-MM>}: the platform's run of that month ({@link PaymentRuns#runEverywhere}), timed;</li>
 *   <li>{@code anchor <yyyy-MM>}: one {@code INSERT … SELECT} writing the same payment rows into a copy of the table;</li>
 *   <li>{@code check <yyyy-MM> <pensioners>}: payments found, missing and doubled for that month.</li>
 * </ul>
 */
public final class PaymentLoad {

  private PaymentLoad() {}

  public static void main(String[] args) throws Exception {
    try (var context = BenchPlatform.start("tongban.demo.offices=false")) {
      var jdbc = context.getBean(JdbcClient.class);
      switch (args[0]) {
        case "prepare" -> prepare(jdbc, Integer.parseInt(args[1]));
        case "run" -> {
          var month = YearMonth.parse(args[1]);
          long before = jdbc.sql("select count(*) from insurance.payment where month = ?").param(month.atDay(1))
              .query(Long.class).single();
          long t0 = System.nanoTime();
          context.getBean(PaymentRuns.class).runEverywhere(month, "bench", 10_000);
          double s = (System.nanoTime() - t0) / 1e9;
          long written = jdbc.sql("select count(*) from insurance.payment where month = ?").param(month.atDay(1))
              .query(Long.class).single() - before;
          System.out.printf("RESULT run %s: %d payments written by this process in %.1f s (%.0f/s)%n", args[1], written,
              s, written / s);
        }
        case "anchor" -> {
          jdbc.sql("drop table if exists bench_payment").update();
          jdbc.sql("create table bench_payment (like insurance.payment including defaults including constraints"
              + " including indexes)").update();
          long t0 = System.nanoTime();
          int n = jdbc.sql("insert into bench_payment (award_id, person_id, benefit, month, amount_cents, region_code,"
                  + " run_id, generated) select id, person_id, benefit, ?, monthly_cents, region_code,"
                  + " gen_random_uuid(), generated from insurance.award where status = 'ACTIVE' and start_month <= ?")
              .params(YearMonth.parse(args[1]).atDay(1), YearMonth.parse(args[1]).atDay(1)).update();
          double s = (System.nanoTime() - t0) / 1e9;
          System.out.printf("RESULT anchor %s: %d rows by one INSERT ... SELECT in %.1f s (%.0f/s)%n", args[1], n, s, n / s);
          jdbc.sql("drop table bench_payment").update();
        }
        case "check" -> {
          var month = YearMonth.parse(args[1]).atDay(1);
          long expected = Long.parseLong(args[2]);
          long found = jdbc.sql("select count(*) from insurance.payment where month = ?").param(month)
              .query(Long.class).single();
          long persons = jdbc.sql("select count(distinct (person_id, benefit)) from insurance.payment where month = ?")
              .param(month).query(Long.class).single();
          long missing = jdbc.sql("select count(*) from insurance.award a where a.status = 'ACTIVE' and a.start_month <= ?"
              + " and not exists (select 1 from insurance.payment p where p.award_id = a.id and p.month = ?)")
              .params(month, month).query(Long.class).single();
          System.out.printf("RESULT check %s: expected %d, found %d, doubled %d, missing %d%n", args[1], expected, found,
              found - persons, missing);
        }
        default -> throw new IllegalArgumentException(args[0]);
      }
    }
  }

  static void prepare(JdbcClient jdbc, int pensioners) {
    jdbc.sql("create temporary table village as select row_number() over (order by code) n, code from region.region"
        + " where level = 5 and valid_to is null").update();
    long villages = jdbc.sql("select count(*) from village").query(Long.class).single();
    long have = jdbc.sql("select count(*) from insurance.award where generated").query(Long.class).single();
    long t0 = System.nanoTime();
    for (long from = have; from < pensioners; from += 100_000) {
      long to = Math.min(pensioners, from + 100_000) - 1;
      jdbc.sql("insert into insurance.award (id, person_id, benefit, region_code, start_month, monthly_cents, inputs,"
          + " generated) select gen_random_uuid(), gen_random_uuid(), 'PENSION', v.code, date '2025-01-01',"
          + " 250000 + (i % 200000), '{\"generated\": true}'::jsonb, true"
          + " from generate_series(" + from + ", " + to + ") i join village v on v.n = 1 + (i::bigint * 7919) % " + villages)
          .update();
    }
    jdbc.sql("analyze insurance.award").update();
    System.out.printf("RESULT prepared %d generated pensions over %d villages in %.1f s%n", pensioners, villages,
        (System.nanoTime() - t0) / 1e9);
  }
}
