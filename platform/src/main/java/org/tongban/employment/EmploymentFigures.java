package org.tongban.employment;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.employment.internal.EmploymentFacts;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

/**
 * The five-level employment figures (城镇新增就业, 失业人员再就业, 就业困难人员实现就业, 登记失业人数, and vacancies and
 * seekers per occupation major group) by region, live from the indicator facts: for a region and each region one level below it, this month and
 * this year so far. Staff see the regions their jurisdiction covers.
 */
@Service
public class EmploymentFigures {

  private final IndicatorManagement indicators;
  private final RegionDirectory regions;
  private final Jurisdiction jurisdiction;
  private final OccupationGroups occupations;

  EmploymentFigures(IndicatorManagement indicators, RegionDirectory regions, Jurisdiction jurisdiction,
                    OccupationGroups occupations) {
    this.occupations = occupations;
    this.indicators = indicators;
    this.regions = regions;
    this.jurisdiction = jurisdiction;
  }

  /**
   * One region's figures: 城镇新增就业 this month and this year, and this year's 失业人员再就业 and 就业困难人员实现就业;
   * 登记失业人数 at the end of this month.
   */
  public record Row(RegionCode region, String name, long thisMonth, long thisYear, long reemployed,
                    long difficultyEmployed, long registeredUnemployed) {}

  /** Per occupation major group in a region: openings posted this year, seekers registered (a stock). */
  public record ByOccupation(OccupationGroups.Group group, long openingsThisYear, long seekers) {}

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

  /** Vacancies and seekers per occupation major group in the region (the staff's jurisdiction must cover it). */
  public List<ByOccupation> byOccupation(RegionCode region) {
    jurisdiction.require(region, MinimumWages.DEPARTMENT, Purpose.VIEW, "region");
    var month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
    var january = YearMonth.of(month.getYear(), 1);
    return occupations.all().stream().map(g -> new ByOccupation(g,
        indicators.total(EmploymentFacts.vacancies(g.code()), region, january, month),
        indicators.value(EmploymentFacts.seekers(g.code()), region, month))).toList();
  }

  private Row row(RegionCode region, YearMonth month, YearMonth january) {
    return new Row(region, regions.fullName(region), indicators.total(EmploymentFacts.NEW_JOBS, region, month, month),
        indicators.total(EmploymentFacts.NEW_JOBS, region, january, month),
        indicators.total(EmploymentFacts.REEMPLOYED, region, january, month),
        indicators.total(EmploymentFacts.DIFFICULTY_EMPLOYED, region, january, month),
        indicators.value(EmploymentFacts.REGISTERED_UNEMPLOYED, region, month));
  }
}
