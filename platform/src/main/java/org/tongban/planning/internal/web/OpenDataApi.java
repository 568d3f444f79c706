package org.tongban.planning.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.planning.PlanMonitor;
import org.tongban.region.RegionDirectory;

/** Open data: the plans' indicators per region and year, aggregated, small counts withheld. Public. */
@RestController
@RequestMapping("/api/open-data")
@Tag(name = "open data", description = "开放数据：规划指标聚合值 / Open data: aggregated plan indicators")
class OpenDataApi {

  private final PlanMonitor monitor;
  private final RegionDirectory regions;

  OpenDataApi(PlanMonitor monitor, RegionDirectory regions) {
    this.monitor = monitor;
    this.regions = regions;
  }

  @GetMapping("/indicators")
  @Operation(summary = "Indicator values of a region and period: 2025, 2025Q2 or 2025-06 (counts below 5 withheld)")
  List<PlanMonitor.OpenValue> indicators(@RequestParam String region, @RequestParam(defaultValue = "2025") String period) {
    return monitor.published(regions.get(region).code(), period(period));
  }

  private static org.tongban.indicator.Period period(String text) {
    org.tongban.indicator.Period p;
    try {
      p = org.tongban.indicator.Period.parse(text.strip());
      check(p.last().getYear());
    } catch (java.time.DateTimeException | IllegalArgumentException e) {
      throw new BadPeriod(text);
    }
    // A period that has not begun has no figures: answering today's values for 2031 would publish a guess as data.
    if (p.first().isAfter(java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")))) throw new FuturePeriod(p.label());
    return p;
  }

  static final class FuturePeriod extends org.tongban.shared.Refusal {
    FuturePeriod(String label) {
      super("planning.future-period", 400, label);
    }
  }

  static final class BadPeriod extends org.tongban.shared.Refusal {
    BadPeriod(String text) {
      super("planning.bad-period", 400, text.length() > 20 ? text.substring(0, 20) : text);
    }
  }

  @GetMapping("/indicators.csv")
  @Operation(summary = "The same as CSV (UTF-8 with BOM)")
  void csv(@RequestParam String region, @RequestParam(defaultValue = "2025") String period,
           HttpServletResponse response) throws IOException {
    var values = monitor.published(regions.get(region).code(), period(period));
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"indicators-" + regions.get(region).code().value()
        + "-" + period(period).label() + ".csv\"");
    var writer = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    try (var csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
      csv.printRecord("target", "name", "region", "period", "includes_generated_data", "value", "numerator", "denominator", "unit", "suppressed",
          "comparison", "target_value");
      for (var v : values) {
        csv.printRecord(v.target(), v.nameZh(), v.region(), v.period(), v.includesGeneratedData(), v.value(), v.numerator(), v.denominator(), v.unit(),
            v.suppressed(), v.comparison(), v.targetValue());
      }
    }
  }

  private static int check(int year) {
    if (year < 2000 || year > 2100) throw new BadYear(year);
    return year;
  }

  static final class BadYear extends org.tongban.shared.Refusal {
    BadYear(int year) {
      super("planning.bad-year", 400, String.valueOf(year));
    }
  }
}
