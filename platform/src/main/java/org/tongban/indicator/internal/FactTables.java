package org.tongban.indicator.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.indicator.spi.FactSource;
import org.tongban.region.RegionDirectory;

/**
 * The recompute's side of the values: every source's current facts copied into a scratch table, and the values at
 * every level built from them — into a scratch table for a comparison, or into a new table that replaces
 * {@code indicator.fact_value} when the transaction commits.
 */
@Component
public class FactTables {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FactTables.class);
  public static final String VALUES = "indicator.fact_value";
  private static final String NEXT = "fact_value_next";
  private static final String FRESH_DELTAS = "fresh_delta";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  // Looked up when a recompute runs: sources may themselves record through the indicator module.
  private final ObjectProvider<FactSource> sources;
  private final RegionDirectory regions;

  FactTables(JdbcClient jdbc, JdbcTemplate template, ObjectProvider<FactSource> sources, RegionDirectory regions) {
    this.jdbc = jdbc;
    this.template = template;
    this.sources = sources;
    this.regions = regions;
  }

  /**
   * Replaces every value with those built from the sources, and returns how many there are. The values are built
   * into a new table without indexes, keyed once (its one index: fact, level, region, month), analysed, and take the
   * old table's name at the end of the transaction: readers see the old values until it commits (they wait only for
   * the rename), and no million dead rows are left for autovacuum while the live changes stream in. Deleting every
   * row and inserting into the indexed table was 3.1–3.8× the GROUP BY ROLLUP at a million facility facts; this is
   * 1.3–1.4× (bench/indicators.sh, BENCHMARKS.md).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public long replaceValues() {
    long t0 = System.nanoTime();
    feed();
    long t1 = System.nanoTime();
    jdbc.sql("create table indicator." + NEXT + " (like " + VALUES + " including defaults including constraints)").update();
    int built = build("indicator." + NEXT);
    long t2 = System.nanoTime();
    jdbc.sql("alter table indicator." + NEXT + " add constraint " + NEXT
        + "_pkey primary key (fact, level, region, month) include (value)").update();
    // Built whole and vacuumed once right after the recompute (vacuumValues), so no vacuum is owed for its inserts:
    // the insert-triggered autovacuum of 4.4 million fresh rows, throttled, ran through the live changes that followed
    // a recompute and held them up (p99 1.4 s at 3 million facility facts). Updates and deletes still start
    // autovacuum as usual, and freezing is still forced when it is due.
    jdbc.sql("alter table indicator." + NEXT + " set (autovacuum_vacuum_insert_threshold = -1)").update();
    jdbc.sql("analyze indicator." + NEXT).update();
    long t3 = System.nanoTime();
    jdbc.sql("drop table " + VALUES).update();
    jdbc.sql("alter table indicator." + NEXT + " rename to fact_value").update();
    jdbc.sql("alter index indicator." + NEXT + "_pkey rename to fact_value_pkey").update();
    log.info("Recomputed {} fact values: sources read and copied in {} ms, built in {} ms, indexed in {} ms", built,
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    return built;
  }

  /**
   * Vacuums the values, outside any transaction: after {@link #replaceValues} this marks the new table's pages
   * all-visible (1.3 s at 4.4 million values), so reads answered by the key alone need not visit the table. The fold
   * right after a recompute otherwise fetched some forty thousand table pages for its stocks, and a change took
   * seconds to show (bench/indicators.sh).
   */
  @Transactional(propagation = Propagation.NEVER)
  public void vacuumValues() {
    template.execute("vacuum " + VALUES);
  }

  /** Builds every value from the sources into a new temporary table {@code table}, dropped at commit. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void buildTemporary(String table) {
    feed();
    jdbc.sql("create temporary table " + table + " (like " + VALUES + " including defaults) on commit drop").update();
    build(table);
  }

  /**
   * A plain insert into an empty table, nothing to merge: the scratch table's changes grouped by month and fact with
   * a ROLLUP over the five levels of their region codes, each group stored under its level's code (rpad with zeros).
   * A level whose own digits are zeros is left out, as in {@link #expand}: 210102001000 is a township, so it counts
   * once at level 4, not again at level 5. Sorting once for the whole roll-up (the hash plan spilled to disk on
   * millions of groups) built 1.3 million values in 5.6 s, where expanding every change to its five levels and
   * grouping those took 13.2 s. The month leads the sort: fact codes share long prefixes ("facility.…"), so sorting by
   * them first compared many bytes for every pair (11.8 s against 8.9 s over 3.5 million changes).
   */
  private int build(String values) {
    // One sort of every change (4 million at 1.7 million facility facts) in memory rather than in files on disk; the
    // setting holds for this transaction only.
    jdbc.sql("set local enable_hashagg = off").update();
    jdbc.sql("set local work_mem = '1GB'").update();
    int built = jdbc.sql("insert into " + values + " (fact, region, level, month, value)"
        + " select fact, rpad(coalesce(v, t, k, c, p), 12, '0'),"
        + "   case grouping(c, k, t, v) when 0 then 5 when 1 then 4 when 3 then 3 when 7 then 2 else 1 end, month, sum(delta)"
        + " from (select fact collate \"C\" as fact, month, delta, substr(region, 1, 2) collate \"C\" as p,"
        + "   substr(region, 1, 4) collate \"C\" as c, substr(region, 1, 6) collate \"C\" as k,"
        + "   substr(region, 1, 9) collate \"C\" as t, region collate \"C\" as v from " + FRESH_DELTAS + ") d"
        + " group by month, fact, rollup (p, c, k, t, v)"
        + " having grouping(p) = 0 and case grouping(c, k, t, v) when 0 then substr(v, 10, 3) <> '000'"
        + "   when 1 then substr(t, 7, 3) <> '000' when 3 then substr(k, 5, 2) <> '00' when 7 then substr(c, 3, 2) <> '00'"
        + "   else true end").update();
    jdbc.sql("reset enable_hashagg").update();
    jdbc.sql("reset work_mem").update();
    return built;
  }

  /**
   * The common table expressions {@code summed} and {@code expanded} over {@code source} (fact, region, month,
   * delta): each change is summed per region first and added to its region's code at every level it has —
   * 210102001001 counts for 210000000000, 210100000000, 210102000000, 210102001000 and itself; a township's own
   * code only once (a level is skipped when its digits are zeros). A per-row GROUP BY in the lateral join made this
   * 20× slower (bench/indicators.sh).
   */
  public static String expand(String source) {
    return " summed as (select fact, region, month, sum(delta) as delta from " + source + " group by 1, 2, 3),"
        + " expanded as (select s.fact, x.code, x.level, s.month, s.delta from summed s cross join lateral (values"
        + "   (rpad(substr(s.region, 1, 2), 12, '0'), 1), (rpad(substr(s.region, 1, 4), 12, '0'), 2),"
        + "   (rpad(substr(s.region, 1, 6), 12, '0'), 3), (rpad(substr(s.region, 1, 9), 12, '0'), 4), (s.region, 5))"
        + "   x(code, level) where x.level = 1 or (x.level = 2 and substr(s.region, 3, 2) <> '00')"
        + "   or (x.level = 3 and substr(s.region, 5, 2) <> '00') or (x.level = 4 and substr(s.region, 7, 3) <> '000')"
        + "   or (x.level = 5 and substr(s.region, 10, 3) <> '000'))";
  }

  // The modules' current facts are copied (COPY, not row inserts) into a scratch table of this transaction.
  private void feed() {
    jdbc.sql("create temporary table " + FRESH_DELTAS + " (fact text, region varchar(12), month date, delta bigint)"
        + " on commit drop").update();
    var connection = DataSourceUtils.getConnection(template.getDataSource());
    for (FactSource source : sources.orderedStream().toList()) {
      long t0 = System.nanoTime();
      // A source may stream from a cursor on this connection: its facts are collected and copied after it ends.
      var collected = new StringBuilder(1 << 20);
      source.currentFacts(c -> {
        if (c.delta() == 0) return;
        collected.append(c.fact()).append('\t').append(regions.currentFor(c.region()).value()).append('\t')
            .append(c.month().atDay(1)).append('\t').append(c.delta()).append('\n');
      });
      try {
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + FRESH_DELTAS
            + " (fact, region, month, delta) from stdin", new StringReader(collected.toString()));
      } catch (SQLException | IOException e) {
        throw new IllegalStateException("copying facts for the recompute failed", e);
      }
      log.info("Fact source {} read in {} ms", source.getClass().getSimpleName(), (System.nanoTime() - t0) / 1_000_000);
    }
  }
}
