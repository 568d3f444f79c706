package org.tongban.planning.internal.web;

import java.time.Year;
import java.time.ZoneId;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.access.Jurisdiction;
import org.tongban.planning.PlanMonitor;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.RegionCode;

/** The planner's cockpit: every target for a region and year, and one target drilled down level by level. */
@Controller
class PlanningPages {

  private final PlanMonitor monitor;
  private final RegionDirectory regions;
  private final Jurisdiction jurisdiction;
  private final tools.jackson.databind.json.JsonMapper json;

  PlanningPages(PlanMonitor monitor, RegionDirectory regions, Jurisdiction jurisdiction,
                tools.jackson.databind.json.JsonMapper json) {
    this.json = json;
    this.monitor = monitor;
    this.regions = regions;
    this.jurisdiction = jurisdiction;
  }

  private int year(@Nullable Integer year) {
    return year == null ? Math.min(2025, Year.now(ZoneId.of("Asia/Shanghai")).getValue()) : year;
  }

  @GetMapping("/planning")
  String cockpit(@RequestParam(required = false) @Nullable String region, @RequestParam(required = false) @Nullable Integer year,
                 Model model, org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
    var home = HomeRegion.of(jurisdiction);
    var at = region == null || region.isBlank() ? home : regions.get(region).code();
    int y = year(year);
    // A region outside the planner's jurisdiction (a city planner opening the province): say so and open their own.
    if (!jurisdiction.allows(at, null, org.tongban.access.Purpose.VIEW)) {
      flash.addFlashAttribute("outside", regions.fullName(at));
      flash.addFlashAttribute("home", regions.fullName(home));
      return "redirect:/planning?region=" + home.value() + "&year=" + y;
    }
    model.addAttribute("region", regions.get(at));
    model.addAttribute("trail", regions.trail(at));
    model.addAttribute("year", y);
    model.addAttribute("statuses", monitor.status(at, y));
    return "planning/index";
  }

  /** The cockpit as an Excel workbook: one row per target with value, target and status. */
  @GetMapping("/planning/export.xlsx")
  void export(@RequestParam(required = false) @Nullable String region, @RequestParam(required = false) @Nullable Integer year,
              jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
    var at = region == null || region.isBlank() ? HomeRegion.of(jurisdiction) : regions.get(region).code();
    int y = year(year);
    var statuses = monitor.status(at, y);
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader("Content-Disposition", "attachment; filename=\"plan-targets-" + at.value() + "-" + y + ".xlsx\"");
    try (var book = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100)) {
      var sheet = book.createSheet("规划目标 " + y);
      String[] header = {"目标代码", "目标", "区划", "年份", "当前值", "分子", "分母", "单位", "比较", "目标值", "力争", "状态", "说明"};
      var row = sheet.createRow(0);
      for (int i = 0; i < header.length; i++) row.createCell(i).setCellValue(header[i]);
      int r = 1;
      for (var s : statuses) {
        row = sheet.createRow(r++);
        var t = s.target();
        row.createCell(0).setCellValue(t.code());
        row.createCell(1).setCellValue(t.nameZh());
        row.createCell(2).setCellValue(at.value());
        row.createCell(3).setCellValue(y);
        if (s.value().value() != null) row.createCell(4).setCellValue(s.value().value());
        row.createCell(5).setCellValue(s.value().numerator());
        if (s.value().denominator() != null) row.createCell(6).setCellValue(s.value().denominator());
        row.createCell(7).setCellValue(t.indicator().unit());
        row.createCell(8).setCellValue(t.comparison().sign());
        if (t.value() != null) row.createCell(9).setCellValue(t.value());
        if (t.stretch() != null) row.createCell(10).setCellValue(t.stretch());
        row.createCell(11).setCellValue(s.status().label(false));
        row.createCell(12).setCellValue(t.note() == null ? "" : t.note());
      }
      book.write(response.getOutputStream());
    }
  }

  @org.springframework.web.bind.annotation.PostMapping("/planning/targets/{code}/allocations")
  String allocate(@PathVariable String code, @RequestParam String region, @RequestParam double value,
                  @RequestParam(required = false) @Nullable Integer year) {
    var at = regions.get(region).code();
    monitor.allocate(code, at, value);
    var parent = at.parentByCode();
    return "redirect:/planning/targets/" + org.springframework.web.util.UriUtils.encodePathSegment(code, "UTF-8")
        + "?region=" + (parent == null ? at.value() : parent.value()) + "&year=" + year(year);
  }

  @GetMapping("/planning/targets/{code}")
  String target(@PathVariable String code, @RequestParam(required = false) @Nullable String region,
                @RequestParam(required = false) @Nullable Integer year, Model model) {
    var target = monitor.target(code);
    var at = region == null || region.isBlank() ? target.region() : regions.get(region).code();
    int y = year(year);
    model.addAttribute("target", target);
    model.addAttribute("region", regions.get(at));
    model.addAttribute("trail", regions.trail(at));
    model.addAttribute("year", y);
    model.addAttribute("here", monitor.status(at, y).stream().filter(s -> s.target().code().equals(code)).findFirst()
        .orElseThrow(() -> new PlanMonitor.UnknownTarget(code)));
    int now = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
    var trend = monitor.trend(code, at, Math.min(now, Math.max(y, target.year())));
    model.addAttribute("trend", trend);
    model.addAttribute("projection", PlanMonitor.projection(trend, target.year()));
    var chart = new java.util.LinkedHashMap<String, Object>();
    chart.put("years", trend.stream().map(s -> s.value().year()).toList());
    chart.put("values", trend.stream().map(s -> s.value().value()).toList());
    chart.put("target", target.value());
    chart.put("name", target.nameZh());
    model.addAttribute("chart", json.writeValueAsString(chart));
    var below = monitor.below(code, at, y);
    model.addAttribute("below", below);
    var names = new java.util.HashMap<String, String>();
    below.forEach(b -> names.put(b.value().region().value(), regions.get(b.value().region()).name()));
    model.addAttribute("names", names);
    var mapValues = new java.util.LinkedHashMap<String, Object>();
    below.forEach(b -> mapValues.put(b.value().region().value(), b.value().value()));
    model.addAttribute("mapValues", json.writeValueAsString(mapValues));
    model.addAttribute("mapShown", at.level().number() <= 2);
    // Furthest from the target first, so that a planner sees where to act.
    model.addAttribute("furthest", below.stream().filter(s -> s.value().value() != null && target.value() != null)
        .sorted(Comparator.comparingDouble(s -> target.comparison() == org.tongban.planning.Target.Comparison.LE
            ? -s.value().value() : s.value().value())).limit(5).toList());
    return "planning/target";
  }
}
