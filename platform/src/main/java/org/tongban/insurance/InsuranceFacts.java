package org.tongban.insurance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.tongban.indicator.FactChange;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.indicator.spi.FactSource;
import org.tongban.shared.RegionCode;

/**
 * The social-insurance facts per region and month, recomputed from the module's own rows alone:
 * <ul>
 *   <li>{@code insurance.insured.<insurance>} 参保人数 (a stock): +1 in an enrolment's first month where it is held, −1
 *       in the month after its last;</li>
 *   <li>{@link #WORKING} 职业劳动者 in the employees' pension (a stock): enrolments in it through a unit or as a flexible
 *       worker — the base of the seed's 广覆盖 (失业、工伤 insured ÷ working);</li>
 *   <li>{@link #DUE} and {@link #PAID} 应缴 / 实缴 in fen by the month they are for: arrears are their difference;</li>
 *   <li>{@link #PAYMENTS} benefit payments due in a month and {@link #ON_TIME} those the bank paid within it
 *       (按时足额发放).</li>
 * </ul>
 */
@Component
class InsuranceFacts implements FactSource {

  static final String WORKING = "insurance.working";
  static final String DUE = "insurance.due-cents";
  static final String PAID = "insurance.paid-cents";
  static final String PAYMENTS = "insurance.payments";
  static final String ON_TIME = "insurance.payments-on-time";

  static String insured(Insurance insurance) {
    return "insurance.insured." + insurance.name().toLowerCase().replace('_', '-');
  }

  private final JdbcTemplate jdbc;
  private final IndicatorManagement indicators;

  InsuranceFacts(JdbcTemplate jdbc, IndicatorManagement indicators) {
    this.jdbc = jdbc;
    this.indicators = indicators;
  }

  /** An enrolment began ({@code +1}) or ended ({@code -1}, in the month after its last). */
  void enrolment(Insurance insurance, String scheme, RegionCode region, YearMonth month, int delta) {
    var changes = new ArrayList<FactChange>();
    changes.add(new FactChange(insured(insurance), region, month, delta));
    if (insurance == Insurance.PENSION && !scheme.equals("RESIDENT")) changes.add(new FactChange(WORKING, region, month, delta));
    indicators.record(changes);
  }

  /** Ledger amounts: {@code kind} DUE/CORRECTION counts as due, PAID as paid. */
  void ledger(Collection<Amount> amounts) {
    var sums = new HashMap<String, Long>();
    var keys = new HashMap<String, FactChange>();
    for (var a : amounts) {
      String fact = a.kind().equals("PAID") ? PAID : a.kind().equals("TRANSFER_IN") ? null : DUE;
      if (fact == null || a.cents() == 0) continue;
      String key = fact + "|" + a.region().value() + "|" + a.month();
      sums.merge(key, a.cents(), Long::sum);
      keys.putIfAbsent(key, new FactChange(fact, a.region(), a.month(), 0));
    }
    var changes = new ArrayList<FactChange>();
    sums.forEach((k, v) -> {
      var f = keys.get(k);
      changes.add(new FactChange(f.fact(), f.region(), f.month(), v));
    });
    indicators.record(changes);
  }

  /** One amount of the ledger, for {@link #ledger}. */
  record Amount(String kind, RegionCode region, YearMonth month, long cents) {}

  void payments(String fact, Map<RegionCode, Long> byRegion, YearMonth month) {
    indicators.record(byRegion.entrySet().stream().map(e -> new FactChange(fact, e.getKey(), month, e.getValue())).toList());
  }

  @Override
  public void currentFacts(Consumer<FactChange> out) {
    jdbc.query("select insurance, scheme, region_code, from_month, count(*) from insurance.enrolment group by 1, 2, 3, 4",
        (RowCallbackHandler) rs -> emit(out, rs.getString(1), rs.getString(2), rs.getString(3),
            YearMonth.from(rs.getObject(4, LocalDate.class)), rs.getLong(5)));
    jdbc.query("select insurance, scheme, region_code, (to_month + interval '1 month')::date, count(*)"
            + " from insurance.enrolment where to_month is not null group by 1, 2, 3, 4",
        (RowCallbackHandler) rs -> emit(out, rs.getString(1), rs.getString(2), rs.getString(3),
            YearMonth.from(rs.getObject(4, LocalDate.class)), -rs.getLong(5)));
    jdbc.query("select region_code, month, sum(employer_cents + individual_cents) filter (where kind in ('DUE', 'CORRECTION')),"
            + " sum(employer_cents + individual_cents) filter (where kind = 'PAID') from insurance.ledger group by 1, 2",
        (RowCallbackHandler) rs -> {
          var region = RegionCode.of(rs.getString(1));
          var month = YearMonth.from(rs.getObject(2, LocalDate.class));
          if (rs.getLong(3) != 0) out.accept(new FactChange(DUE, region, month, rs.getLong(3)));
          if (rs.getLong(4) != 0) out.accept(new FactChange(PAID, region, month, rs.getLong(4)));
        });
    jdbc.query("select region_code, month, count(*), count(*) filter (where status = 'PAID' and"
            + " date_trunc('month', settled_at at time zone 'Asia/Shanghai')::date <= month) from insurance.payment group by 1, 2",
        (RowCallbackHandler) rs -> {
          var region = RegionCode.of(rs.getString(1));
          var month = YearMonth.from(rs.getObject(2, LocalDate.class));
          out.accept(new FactChange(PAYMENTS, region, month, rs.getLong(3)));
          if (rs.getLong(4) > 0) out.accept(new FactChange(ON_TIME, region, month, rs.getLong(4)));
        });
  }

  private static void emit(Consumer<FactChange> out, String insurance, String scheme, String region, YearMonth month,
                           long delta) {
    var i = Insurance.valueOf(insurance);
    out.accept(new FactChange(insured(i), RegionCode.of(region), month, delta));
    if (i == Insurance.PENSION && !scheme.equals("RESIDENT")) out.accept(new FactChange(WORKING, RegionCode.of(region), month, delta));
  }
}
