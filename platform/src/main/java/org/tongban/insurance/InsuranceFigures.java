package org.tongban.insurance;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

/**
 * The five-level figures of social insurance, read from the indicator facts (live, and equal to a recompute): insured
 * persons per insurance, the coverage of working people by 失业 and 工伤 insurance (the seed's 广覆盖), what was due and
 * paid this year (arrears), and last month's benefit payments against those the bank paid within the month.
 */
@Service
public class InsuranceFigures {

  /** One region's row. Coverage in percent of {@code working}, null when nobody works there on record. */
  public record Row(RegionCode region, String name, Map<Insurance, Long> insured, long working,
                    @Nullable Double unemploymentCoverage, @Nullable Double injuryCoverage, long dueCents,
                    long paidCents, long payments, long paidOnTime) {
    public long arrearsCents() {
      return Math.max(dueCents - paidCents, 0);
    }
  }

  private final IndicatorManagement indicators;
  private final RegionDirectory regions;
  private final Jurisdiction jurisdiction;

  InsuranceFigures(IndicatorManagement indicators, RegionDirectory regions, Jurisdiction jurisdiction) {
    this.indicators = indicators;
    this.regions = regions;
    this.jurisdiction = jurisdiction;
  }

  /** The region first, then the regions below it; the officer's jurisdiction must cover the region. */
  public List<Row> rows(RegionCode region) {
    jurisdiction.require(region, InsuranceParameters.DEPARTMENT, Purpose.VIEW, "region");
    var month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
    var rows = new ArrayList<Row>();
    rows.add(row(region, month));
    if (region.level() != RegionLevel.VILLAGE) {
      for (var child : regions.children(region, 0, 200).items()) rows.add(row(child.code(), month));
    }
    return rows;
  }

  Row row(RegionCode region, YearMonth month) {
    var insured = new EnumMap<Insurance, Long>(Insurance.class);
    for (var i : Insurance.values()) insured.put(i, indicators.value(InsuranceFacts.insured(i), region, month));
    long working = indicators.value(InsuranceFacts.WORKING, region, month);
    var january = YearMonth.of(month.getYear(), 1);
    // Arrears of months already over: this year up to last month.
    var last = month.minusMonths(1).isBefore(january) ? january : month.minusMonths(1);
    return new Row(region, regions.fullName(region), insured, working,
        working == 0 ? null : insured.get(Insurance.UNEMPLOYMENT) * 100.0 / working,
        working == 0 ? null : insured.get(Insurance.INJURY) * 100.0 / working,
        indicators.total(InsuranceFacts.DUE, region, january, last),
        indicators.total(InsuranceFacts.PAID, region, january, last),
        indicators.total(InsuranceFacts.PAYMENTS, region, month.minusMonths(1), month.minusMonths(1)),
        indicators.total(InsuranceFacts.ON_TIME, region, month.minusMonths(1), month.minusMonths(1)));
  }
}
