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
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.planning.PlanMonitor;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.RegionCode;

/** The planner's cockpit: every target for a region and year, and one target drilled down level by level. */
@Controller
class PlanningPages {

  private final PlanMonitor monitor;
  private final RegionDirectory regions;
  private final Jurisdiction jurisdiction;

  PlanningPages(PlanMonitor monitor, RegionDirectory regions, Jurisdiction jurisdiction) {
    this.monitor = monitor;
    this.regions = regions;
    this.jurisdiction = jurisdiction;
  }

  /** The widest region the staff member may view (province for a province-wide scope). */
  private RegionCode home() {
    return jurisdiction.scopes().stream().filter(s -> s.purpose().grants(Purpose.VIEW))
        .map(s -> s.region() == null ? RegionCode.of("21") : s.region())
        .min(Comparator.comparingInt(r -> r.level().number())).orElse(RegionCode.of("21"));
  }

  private int year(@Nullable Integer year) {
    return year == null ? Math.min(2025, Year.now(ZoneId.of("Asia/Shanghai")).getValue()) : year;
  }

  @GetMapping("/planning")
  String cockpit(@RequestParam(required = false) @Nullable String region, @RequestParam(required = false) @Nullable Integer year,
                 Model model) {
    var at = region == null || region.isBlank() ? home() : regions.get(region).code();
    int y = year(year);
    model.addAttribute("region", regions.get(at));
    model.addAttribute("trail", regions.trail(at));
    model.addAttribute("year", y);
    model.addAttribute("statuses", monitor.status(at, y));
    return "planning/index";
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
    var below = monitor.below(code, at, y);
    model.addAttribute("below", below);
    // Furthest from the target first, so that a planner sees where to act.
    model.addAttribute("furthest", below.stream().filter(s -> s.value().value() != null && target.value() != null)
        .sorted(Comparator.comparingDouble(s -> target.comparison() == org.tongban.planning.Target.Comparison.LE
            ? -s.value().value() : s.value().value())).limit(5).toList());
    return "planning/target";
  }
}
