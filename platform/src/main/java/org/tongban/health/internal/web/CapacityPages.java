package org.tongban.health.internal.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.access.Jurisdiction;
import org.tongban.facility.FacilityId;
import org.tongban.health.BedCapacity;
import org.tongban.health.HealthRefusals;
import org.tongban.health.PublicHealth;
import org.tongban.shared.RegionCode;

/**
 * 床位日报 for health staff: free beds by area (the province by city), the hospitals that have not reported today, and
 * the day's report of a hospital.
 */
@Controller
class CapacityPages {

  private final BedCapacity capacity;
  private final Jurisdiction jurisdiction;
  private final MessageSource messages;

  CapacityPages(BedCapacity capacity, Jurisdiction jurisdiction, MessageSource messages) {
    this.capacity = capacity;
    this.jurisdiction = jurisdiction;
    this.messages = messages;
  }

  @GetMapping("/workbench/health/capacity")
  String view(@RequestParam(required = false) @Nullable RegionCode region, Model model) {
    var where = region != null ? region : jurisdiction.widestRegion();
    model.addAttribute("today", PublicHealth.today());
    if (where == null) {
      model.addAttribute("areas", null);
      return "health/capacity";
    }
    model.addAttribute("region", where.value());
    model.addAttribute("areas", capacity.areas(where));
    model.addAttribute("missing", capacity.notReportedToday(where));
    model.addAttribute("hospitals", capacity.hospitals(where));
    return "health/capacity";
  }

  @PostMapping("/workbench/health/capacity/hospitals/{id}/reports")
  String report(@PathVariable FacilityId id, @RequestParam(required = false) @Nullable LocalDate day,
                @RequestParam(defaultValue = "-1") int generalTotal, @RequestParam(defaultValue = "-1") int generalFree,
                @RequestParam(defaultValue = "0") int isolationTotal, @RequestParam(defaultValue = "0") int isolationFree,
                @RequestParam(defaultValue = "0") int icuTotal, @RequestParam(defaultValue = "0") int icuFree,
                RedirectAttributes redirect) {
    capacity.reports(id, 1); // a hospital outside the caller's jurisdiction stays "not found" (404)
    try {
      capacity.report(id, new BedCapacity.NewReport(day, generalTotal, generalFree, isolationTotal, isolationFree,
          icuTotal, icuFree));
      redirect.addFlashAttribute("done", "health.capacity.reported");
    } catch (HealthRefusals.Invalid refused) {
      redirect.addFlashAttribute("problem", messages.getMessage("problem." + refused.code(), refused.arguments(),
          LocaleContextHolder.getLocale()));
    }
    return "redirect:/workbench/health/capacity";
  }
}
