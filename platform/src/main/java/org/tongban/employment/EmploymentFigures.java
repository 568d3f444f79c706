package org.tongban.employment;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

/**
 * 城镇新增就业 by region, live from the indicator facts: for a region and each region one level below it, this month and
 * this year so far. Staff see the regions their jurisdiction covers.
 */
@Service
public class EmploymentFigures {

  private final IndicatorManagement indicators;
  private final RegionDirectory regions;
  private final Jurisdiction jurisdiction;

  EmploymentFigures(IndicatorManagement indicators, RegionDirectory regions, Jurisdiction jurisdiction) {
    this.indicators = indicators;
    this.regions = regions;
    this.jurisdiction = jurisdiction;
  }

  /** One region's new jobs this month and this year. */
  public record Row(RegionCode region, String name, long thisMonth, long thisYear) {}

  /** The region itself first, then the regions below it. */
  public List<Row> newJobs(RegionCode region) {
    jurisdiction.require(region, MinimumWages.DEPARTMENT, Purpose.VIEW, "region");
    var month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
    var january = YearMonth.of(month.getYear(), 1);
    var rows = new ArrayList<Row>();
    rows.add(row(region, month, january));
    if (region.level() != RegionLevel.VILLAGE) {
      for (var child : regions.children(region, 0, 200).items()) rows.add(row(child.code(), month, january));
    }
    return rows;
  }

  private Row row(RegionCode region, YearMonth month, YearMonth january) {
    return new Row(region, regions.fullName(region), indicators.total(JobApplications.NEW_JOBS, region, month, month),
        indicators.total(JobApplications.NEW_JOBS, region, january, month));
  }
}
