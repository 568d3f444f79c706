package org.tongban.health;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.health.internal.PublicHealthFacts;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

/**
 * The rates of the basic public-health services per region, read from the indicator facts (live, equal to a
 * recompute): residents managed in each programme; of the visits and follow-ups whose window closed this year up to
 * last month, the share done within it (e.g. 高血压患者规范随访率); and the share of those managed who had this year's check
 * (老年人健康管理率 among the older people the platform manages).
 */
@Service
public class PublicHealthFigures {

  /** One programme's figures in a region; a rate is null when nothing was due. */
  public record Rate(Programme programme, long managed, long due, long onTime, @Nullable Double onTimeRate, long checked,
                     @Nullable Double checkedRate) {}

  public record Row(RegionCode region, String name, List<Rate> rates) {}

  private final IndicatorManagement indicators;
  private final RegionDirectory regions;
  private final Jurisdiction jurisdiction;

  PublicHealthFigures(IndicatorManagement indicators, RegionDirectory regions, Jurisdiction jurisdiction) {
    this.indicators = indicators;
    this.regions = regions;
    this.jurisdiction = jurisdiction;
  }

  /** The region first, then the regions one level below it. */
  public List<Row> rows(RegionCode region, int year) {
    jurisdiction.require(region, PublicHealth.DEPARTMENT, Purpose.VIEW, "region");
    var rows = new ArrayList<Row>();
    rows.add(row(region, year));
    if (region.level() != RegionLevel.VILLAGE) {
      for (var child : regions.children(region, 0, 200).items()) rows.add(row(child.code(), year));
    }
    return rows;
  }

  Row row(RegionCode region, int year) {
    var now = YearMonth.from(PublicHealth.today());
    var january = YearMonth.of(year, 1);
    var december = YearMonth.of(year, 12);
    var closed = year < now.getYear() ? december : now.minusMonths(1);
    var stock = year < now.getYear() ? december : now;
    var rates = new ArrayList<Rate>();
    for (var p : Programme.values()) {
      String kind = p == Programme.ELDERLY ? "CHECK" : p.yearly() ? "FU" : "VISIT";
      long managed = indicators.value(PublicHealthFacts.managed(p), region, stock);
      long due = closed.isBefore(january) ? 0 : indicators.total(PublicHealthFacts.due(p, kind), region, january, closed);
      long onTime = closed.isBefore(january) ? 0
          : indicators.total(PublicHealthFacts.onTime(p, kind), region, january, closed);
      long checked = p.yearly() ? indicators.total(PublicHealthFacts.done(p, "CHECK"), region, january, december) : 0;
      rates.add(new Rate(p, managed, due, onTime, due == 0 ? null : onTime * 100.0 / due, checked,
          !p.yearly() || managed == 0 ? null : checked * 100.0 / managed));
    }
    return new Row(region, regions.fullName(region), rates);
  }
}
