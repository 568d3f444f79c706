package org.tongban.indicator;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.indicator.internal.FactTables;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

/**
 * The facts' front door. {@link #record} stages changes in the caller's transaction (no shared row is locked, so
 * a busy county does not queue on its province's total); {@link #apply} folds staged changes into every level of
 * the region codes, run every 200 ms, so a committed change shows within a second. {@link #recompute} rebuilds
 * everything from the modules' {@link org.tongban.indicator.spi.FactSource}s; {@link #differences} compares the two.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorManagement {

  private static final long APPLIER_LOCK = 0x7b1d_1ca7_0001L;
  /** Fact codes of entered data sets: prefix + the indicator's code (December of the data set's year). */
  public static final String DATA_ENTRY_NUMERATOR = "planning.entered:";
  public static final String DATA_ENTRY_DENOMINATOR = "planning.entered-of:";
  private static final String DELTAS = "indicator.fact_delta";
  private static final String VALUES = FactTables.VALUES;
  private static final String FRESH_VALUES = "fresh_value";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final FactTables tables;
  private final org.tongban.region.RegionDirectory regions;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final TransactionTemplate rebuild;

  IndicatorManagement(JdbcClient jdbc, JdbcTemplate template, FactTables tables,
                      org.tongban.region.RegionDirectory regions,
                      org.springframework.context.ApplicationEventPublisher events,
                      PlatformTransactionManager transactions) {
    this.events = events;
    this.rebuild = new TransactionTemplate(transactions);
    this.jdbc = jdbc;
    this.template = template;
    this.tables = tables;
    this.regions = regions;
  }

  /**
   * Computes an indicator for a region and year from the live facts (stock at the year's end; for a monthly rate
   * the year's last month, or the current month in the current year).
   */
  public IndicatorValue evaluate(IndicatorSpec spec, RegionCode region, int year) {
    return evaluate(spec, region, Period.year(year));
  }

  /**
   * Computes an indicator for a region and period: stocks at the period's last month (or the current month while
   * the period runs), monthly rates for that month, entered figures summed over the period.
   */
  public IndicatorValue evaluate(IndicatorSpec spec, RegionCode region, Period period) {
    int year = period.last().getYear();
    var now = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
    var end = period.last().isAfter(now) ? now : period.last();
    long num = 0;
    for (String f : spec.numerator()) {
      num += spec.kind() == IndicatorSpec.Kind.MONTHLY_RATE ? total(f, region, end, end) : value(f, region, end);
    }
    return switch (spec.kind()) {
      case COUNT -> new IndicatorValue(spec.code(), region, year, num * spec.factor(), num, null, null);
      case PER_POPULATION -> {
        var population = regions.population(region, 2020);
        if (population.isEmpty() || population.get().total() == 0) {
          yield new IndicatorValue(spec.code(), region, year, null, num, null, "no-population");
        }
        long people = population.get().total();
        yield new IndicatorValue(spec.code(), region, year, num * spec.factor() / people, num, people, "census-2020");
      }
      case RATIO, MONTHLY_RATE -> {
        long den = 0;
        for (String f : spec.denominator()) den += value(f, region, end);
        yield new IndicatorValue(spec.code(), region, year, den == 0 ? null : num * spec.factor() / den, num, den,
            den == 0 ? "empty-denominator" : spec.kind() == IndicatorSpec.Kind.MONTHLY_RATE ? end.toString() : null);
      }
      case COVERAGE -> coverage(spec, region, end, year);
      case DATA_ENTRY -> {
        // Entered and approved data sets: numerator and denominator of the year (see planning's data entry).
        var from = period.first();
        var to = period.last();
        long entered = total(DATA_ENTRY_NUMERATOR + spec.code(), region, from, to);
        long of = total(DATA_ENTRY_DENOMINATOR + spec.code(), region, from, to);
        if (entered == 0 && of == 0) yield new IndicatorValue(spec.code(), region, year, null, 0, null, "data-entry");
        yield of == 0 ? new IndicatorValue(spec.code(), region, year, entered * spec.factor(), entered, null, "entered")
            : new IndicatorValue(spec.code(), region, year, entered * spec.factor() / of, entered, of, "entered");
      }
      case NOT_NUMERIC -> new IndicatorValue(spec.code(), region, year, null, 0, null, "not-numeric");
    };
  }

  private IndicatorValue coverage(IndicatorSpec spec, RegionCode region, YearMonth end, int year) {
    var level = spec.level();
    if (level == null || level.number() < region.level().number()) {
      return new IndicatorValue(spec.code(), region, year, null, 0, null, "level");
    }
    var units = regions.descendants(region).stream().filter(c -> c.level() == level)
        .filter(c -> spec.units().includes(c.value())).map(RegionCode::value).collect(java.util.stream.Collectors.toSet());
    if (region.level() == level && spec.units().includes(region.value())) units.add(region.value());
    if (units.isEmpty()) return new IndicatorValue(spec.code(), region, year, null, 0, 0L, "no-units");
    var covered = new java.util.HashSet<>(units);
    for (String f : spec.numerator()) {
      var having = jdbc.sql("select region from indicator.fact_value where fact = ? and level = ? and region between ? and ?"
              + " and month <= ? group by region having sum(value) >= 1")
          .params(f, level.number(), first(region), last(region), Date.valueOf(end.atDay(1))).query(String.class).set();
      covered.retainAll(having);
    }
    return new IndicatorValue(spec.code(), region, year, covered.size() * 100.0 / units.size(), covered.size(),
        (long) units.size(), null);
  }

  /** Stages changes; they count once the caller's transaction commits (and the applier has run). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(Collection<FactChange> changes) {
    insert(DELTAS, changes);
  }

  // A record still carrying a merged unit's code counts for its successor, live and in the recompute alike.
  private void insert(String table, Collection<FactChange> changes) {
    var rows = new ArrayList<Object[]>(changes.size());
    for (FactChange c : changes) {
      if (c.delta() != 0) {
        rows.add(new Object[] {c.fact(), regions.currentFor(c.region()).value(), Date.valueOf(c.month().atDay(1)),
            c.delta()});
      }
    }
    if (!rows.isEmpty()) {
      template.batchUpdate("insert into " + table + " (fact, region, month, delta) values (?, ?, ?, ?)", rows);
    }
  }

  /**
   * Folds staged changes into the values at every level; returns how many changes it folded. One node at a time
   * (an advisory lock); the others skip.
   */
  @Transactional
  public int apply() {
    boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(APPLIER_LOCK).query(Boolean.class).single();
    if (!mine) return 0;
    return fold(DELTAS, VALUES);
  }

  /**
   * Like {@link #apply}, but waits for a fold running on another thread or node instead of skipping it: everything
   * committed before the call is folded when it returns (what a figure read right after a change needs).
   */
  @Transactional
  public int applyNow() {
    jdbc.sql("select pg_advisory_xact_lock(?)").param(APPLIER_LOCK).query(Object.class).single();
    return fold(DELTAS, VALUES);
  }

  // Each change is added to its region's code at every level it has (FactTables.expand).
  // The values it moved at county level and above are announced (FactValueChanged, shared through the exchange).
  private int fold(String deltas, String values) {
    var moved = new ArrayList<Object[]>();
    int[] count = {0};
    jdbc.sql("with moved as (delete from " + deltas + " returning fact, region, month, delta),"
        + FactTables.expand("moved")
        + ", folded as (insert into " + values + " (fact, region, level, month, value)"
        + " select fact, code, level, month, sum(delta) from expanded group by 1, 2, 3, 4"
        + " on conflict (fact, level, region, month) do update set value = " + values + ".value + excluded.value"
        + " returning fact, region, level, month) select fact, region, month, level from folded")
        .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
          count[0]++;
          if (rs.getInt(4) <= 3) {
            moved.add(new Object[] {rs.getString(1), rs.getString(2), rs.getObject(3, java.time.LocalDate.class), rs.getInt(4)});
          }
        });
    if (moved.isEmpty()) return count[0];
    // The month's value and the stock to it, for every moved value in one statement (not a query per value): each
    // value's months are one range of the key, which carries the value too (an index-only scan). Summed per value in
    // a lateral subquery: a join grouped afterwards sorted every month of every value (~80 each), three times slower.
    jdbc.sql("select m.fact, m.region, m.month, s.month_value, s.stock"
            + " from unnest(?::text[], ?::text[], ?::date[], ?::smallint[]) m(fact, region, month, level)"
            + " cross join lateral (select coalesce(sum(v.value) filter (where v.month = m.month), 0) as month_value,"
            + " coalesce(sum(v.value), 0) as stock from " + values + " v where v.fact = m.fact and v.level = m.level"
            + " and v.region = m.region and v.month <= m.month) s")
        .params(moved.stream().map(m -> m[0]).toArray(String[]::new), moved.stream().map(m -> m[1]).toArray(String[]::new),
            moved.stream().map(m -> java.sql.Date.valueOf((java.time.LocalDate) m[2])).toArray(java.sql.Date[]::new),
            moved.stream().map(m -> (Integer) m[3]).toArray(Integer[]::new))
        .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> events.publishEvent(new FactValueChanged(
            rs.getString(1), RegionCode.of(rs.getString(2)), YearMonth.from(rs.getObject(3, java.time.LocalDate.class)),
            rs.getLong(4), rs.getLong(5))));
    return count[0];
  }

  /**
   * A unit was merged: everything recorded for it moves to its successor (taken away at every level of the old
   * code, added at every level of the new one), in the merge's transaction.
   */
  @org.springframework.context.event.EventListener
  @Transactional
  public void on(org.tongban.region.RegionsMerged merged) {
    jdbc.sql("update indicator.fact_delta set region = ? where region = ?")
        .params(merged.into().value(), merged.retired().value()).update();
    jdbc.sql("insert into indicator.fact_delta (fact, region, month, delta) select fact, r.code, month, r.sign * value"
            + " from indicator.fact_value, (values (?, -1), (?, 1)) r(code, sign) where level = ? and region = ? and value <> 0")
        .params(merged.retired().value(), merged.into().value(), merged.retired().level().number(),
            merged.retired().value()).update();
  }

  /** A stock fact's value in a region at the end of {@code month} (0 when nothing was recorded). */
  public long value(String fact, RegionCode region, YearMonth month) {
    return jdbc.sql("select coalesce(sum(value), 0) from indicator.fact_value where fact = ? and level = ? and region = ?"
            + " and month <= ?")
        .params(fact, region.level().number(), region.value(), Date.valueOf(month.atDay(1))).query(Long.class).single();
  }

  /** A flow fact's total in a region over the months {@code from} to {@code to}. */
  public long total(String fact, RegionCode region, YearMonth from, YearMonth to) {
    return jdbc.sql("select coalesce(sum(value), 0) from indicator.fact_value where fact = ? and level = ? and region = ?"
            + " and month between ? and ?")
        .params(fact, region.level().number(), region.value(), Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1)))
        .query(Long.class).single();
  }

  /** A stock fact's values at the end of {@code month} for the regions one level below {@code parent}. */
  public Map<RegionCode, Long> valuesBelow(String fact, RegionCode parent, YearMonth month) {
    if (parent.level() == RegionLevel.VILLAGE) return Map.of(parent, value(fact, parent, month));
    int level = parent.level().number() + 1;
    var result = new LinkedHashMap<RegionCode, Long>();
    jdbc.sql("select region, sum(value) from indicator.fact_value where fact = ? and level = ? and region between ? and ?"
            + " and month <= ? group by region order by region")
        .params(fact, level, first(parent), last(parent), Date.valueOf(month.atDay(1)))
        .query((rs, i) -> result.put(RegionCode.of(rs.getString(1)), rs.getLong(2))).list();
    return result;
  }

  /** How many regions of {@code level} inside {@code within} have the stock fact at {@code min} or more. */
  public long regionsWithAtLeast(String fact, RegionCode within, RegionLevel level, YearMonth month, long min) {
    return jdbc.sql("select count(*) from (select region from indicator.fact_value where fact = ? and level = ?"
            + " and region between ? and ? and month <= ? group by region having sum(value) >= ?) r")
        .params(fact, level.number(), first(within), last(within), Date.valueOf(month.atDay(1)), min)
        .query(Long.class).single();
  }

  // The codes inside a region lie between these two (twelve digits each, compared bytewise): a range the key
  // (fact, level, region, month) reads directly, where a LIKE pattern in a prepared statement could not be.
  private static String first(RegionCode region) {
    return (region.prefix() + "000000000000").substring(0, 12);
  }

  private static String last(RegionCode region) {
    return (region.prefix() + "999999999999").substring(0, 12);
  }

  /**
   * Rebuilds every fact from the modules' sources, replacing what the recorded changes built. Changes committed
   * while it runs wait for it (the staging table is locked) and are folded in afterwards; readers see the old
   * values until it commits. The new table is then vacuumed (outside the transaction, as vacuum must be), so its
   * pages are marked all-visible and reads of values — the fold's stocks, the dashboards' ranges — come from the key
   * alone.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public long recompute() {
    Long built = rebuild.execute(status -> {
      jdbc.sql("select pg_advisory_xact_lock(?)").param(APPLIER_LOCK).query(Object.class).single();
      jdbc.sql("lock table indicator.fact_delta in exclusive mode").update();
      // Staged changes describe committed records, which the sources read again: they are superseded.
      jdbc.sql("delete from indicator.fact_delta").update();
      return tables.replaceValues();
    });
    try {
      tables.vacuumValues();
    } catch (org.springframework.dao.DataAccessException e) {
      // The new values are in place; without the vacuum, reads visit the table as well until autovacuum gets to it.
      org.slf4j.LoggerFactory.getLogger(IndicatorManagement.class).warn("Recomputed values not vacuumed: {}", e.getMessage());
    }
    return built == null ? 0 : built;
  }

  /**
   * Recomputes into a scratch table and counts the (fact, region, month) rows whose stock or flow differs from the
   * live values (after folding what is staged). 0 means the incremental values are exactly the recomputed ones.
   */
  @Transactional
  public long differences() {
    jdbc.sql("select pg_advisory_xact_lock(?)").param(APPLIER_LOCK).query(Object.class).single();
    fold(DELTAS, VALUES);
    tables.buildTemporary(FRESH_VALUES);
    return jdbc.sql("select count(*) from " + VALUES + " v full join " + FRESH_VALUES + " f using (fact, region, month)"
        + " where coalesce(v.value, 0) <> coalesce(f.value, 0)").query(Long.class).single();
  }
}
