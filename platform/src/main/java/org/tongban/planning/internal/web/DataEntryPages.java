package org.tongban.planning.internal.web;

import java.time.Year;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.access.Jurisdiction;
import org.tongban.indicator.IndicatorSpec;
import org.tongban.planning.DataEntries;
import org.tongban.planning.DataEntry;
import org.tongban.planning.PlanMonitor;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;

/** 数据填报: townships enter figures for targets with no source; counties and cities approve them. */
@Controller
class DataEntryPages {

  private final DataEntries entries;
  private final PlanMonitor monitor;
  private final RegionDirectory regions;
  private final Jurisdiction jurisdiction;

  DataEntryPages(DataEntries entries, PlanMonitor monitor, RegionDirectory regions, Jurisdiction jurisdiction) {
    this.entries = entries;
    this.monitor = monitor;
    this.regions = regions;
    this.jurisdiction = jurisdiction;
  }

  @GetMapping("/planning/entries")
  String list(@RequestParam(required = false) @Nullable String region, @RequestParam(required = false) @Nullable Integer year,
              Model model) {
    var at = region == null || region.isBlank() ? HomeRegion.of(jurisdiction) : regions.get(region).code();
    int y = year == null ? Math.min(2025, Year.now(ZoneId.of("Asia/Shanghai")).getValue()) : year;
    model.addAttribute("region", regions.get(at));
    model.addAttribute("year", y);
    model.addAttribute("entries", entries.list(at, y));
    model.addAttribute("targets", monitor.targets().stream()
        .filter(t -> t.indicator().kind() == IndicatorSpec.Kind.DATA_ENTRY && at.isWithin(t.region())
            || t.indicator().kind() == IndicatorSpec.Kind.DATA_ENTRY && t.region().isWithin(at)).toList());
    return "planning/entries";
  }

  @PostMapping("/planning/entries")
  String enter(@RequestParam String target, @RequestParam String township, @RequestParam int year,
               @RequestParam long numerator, @RequestParam(required = false) @Nullable Long denominator,
               RedirectAttributes redirect) {
    try {
      entries.enter(target, RegionCode.of(township), year, numerator, denominator);
      redirect.addFlashAttribute("notice", "plan.entry.saved");
    } catch (Refusal r) {
      redirect.addFlashAttribute("problem", r.code());
      redirect.addFlashAttribute("problemArgs", r.arguments());
    }
    return "redirect:/planning/entries?region=" + township + "&year=" + year;
  }

  @PostMapping("/planning/entries/{id}/{step}")
  String step(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) @Nullable String reason,
              RedirectAttributes redirect) {
    DataEntry e = entries.get(id);
    try {
      switch (step) {
        case "submit" -> entries.submit(id);
        case "approve" -> entries.approve(id);
        case "send-back" -> entries.sendBack(id, reason == null ? "" : reason);
        default -> throw new DataEntries.InvalidEntry(step);
      }
      redirect.addFlashAttribute("notice", "plan.entry." + step + ".done");
    } catch (DataEntries.EntryNotFound r) {
      throw r;
    } catch (Refusal r) {
      redirect.addFlashAttribute("problem", r.code());
      redirect.addFlashAttribute("problemArgs", r.arguments());
    }
    return "redirect:/planning/entries?region=" + e.region().value() + "&year=" + e.year();
  }
}
