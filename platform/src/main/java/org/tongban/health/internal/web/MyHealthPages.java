package org.tongban.health.internal.web;

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
import org.tongban.health.HealthRecords;

/**
 * 我的健康档案: the resident's record, newest first, her basic public-health services (what is due, what is overdue),
 * and who looked at it, each look one click from a report.
 */
@Controller
class MyHealthPages {

  private final HealthRecords records;
  private final MessageSource messages;
  private final org.tongban.health.PublicHealth services;

  MyHealthPages(HealthRecords records, MessageSource messages, org.tongban.health.PublicHealth services) {
    this.records = records;
    this.messages = messages;
    this.services = services;
  }

  @GetMapping("/my/health")
  String mine(Model model) {
    model.addAttribute("entries", records.mine());
    model.addAttribute("access", records.myAccess(100));
    model.addAttribute("services", services.mine());
    model.addAttribute("today", org.tongban.health.PublicHealth.today());
    return "health/mine";
  }

  @PostMapping("/my/health/access/{id}/report")
  String report(@PathVariable long id, @RequestParam(required = false) @Nullable String reason,
                RedirectAttributes redirect) {
    try {
      records.report(id, reason);
      redirect.addFlashAttribute("reported", true);
    } catch (org.tongban.health.HealthRefusals.Invalid r) {
      // A reason too short or too long is said on the page; a look that is not hers stays "not found" (404).
      redirect.addFlashAttribute("problem", messages.getMessage("problem." + r.code(), r.arguments(),
          LocaleContextHolder.getLocale()));
    }
    return "redirect:/my/health";
  }
}
