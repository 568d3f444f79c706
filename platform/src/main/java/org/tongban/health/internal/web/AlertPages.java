package org.tongban.health.internal.web;

import java.util.UUID;
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
import org.tongban.health.EarlyWarning;
import org.tongban.health.HealthRefusals;

/**
 * 传染病预警 for a CDC's staff: the alerts of their jurisdiction, open first, each with its method, threshold, the
 * count that triggered it and its deadline; verified and closed from the list.
 */
@Controller
class AlertPages {

  private final EarlyWarning warning;
  private final MessageSource messages;
  private final org.tongban.access.Jurisdiction jurisdiction;
  private final tools.jackson.databind.json.JsonMapper json;

  AlertPages(EarlyWarning warning, MessageSource messages, org.tongban.access.Jurisdiction jurisdiction,
             tools.jackson.databind.json.JsonMapper json) {
    this.warning = warning;
    this.messages = messages;
    this.jurisdiction = jurisdiction;
    this.json = json;
  }

  @GetMapping("/workbench/health/alerts")
  String list(@RequestParam(required = false) org.tongban.shared.@Nullable RegionCode region, Model model) {
    model.addAttribute("alerts", warning.alerts(200));
    // The map of active alerts: the caller's area (or the one asked for), by city or county.
    var where = region != null ? region : jurisdiction.widestRegion();
    if (where != null) {
      var active = warning.activeByArea(where);
      model.addAttribute("mapRegion", where.value());
      model.addAttribute("mapValues", json.writeValueAsString(active));
      model.addAttribute("active", active.values().stream().mapToLong(Long::longValue).sum());
    }
    return "health/alerts";
  }

  @PostMapping("/workbench/health/alerts/{id}/verification")
  String verify(@PathVariable UUID id, @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
    // An alert outside the caller's jurisdiction stays "not found" (404); a missing note or a wrong state is said here.
    try {
      warning.verify(id, note);
      redirect.addFlashAttribute("done", "health.alerts.verified");
    } catch (HealthRefusals.Invalid | HealthRefusals.WrongState refused) {
      redirect.addFlashAttribute("problem", messages.getMessage("problem." + refused.code(), refused.arguments(),
          LocaleContextHolder.getLocale()));
    }
    return "redirect:/workbench/health/alerts";
  }

  @PostMapping("/workbench/health/alerts/{id}/closure")
  String close(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean outbreak,
               @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
    try {
      warning.close(id, outbreak, note);
      redirect.addFlashAttribute("done", "health.alerts.closed");
    } catch (HealthRefusals.Invalid | HealthRefusals.WrongState refused) {
      redirect.addFlashAttribute("problem", messages.getMessage("problem." + refused.code(), refused.arguments(),
          LocaleContextHolder.getLocale()));
    }
    return "redirect:/workbench/health/alerts";
  }
}
