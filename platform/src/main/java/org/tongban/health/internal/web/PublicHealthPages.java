package org.tongban.health.internal.web;

import java.time.LocalDate;
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
import org.tongban.access.Jurisdiction;
import org.tongban.health.HealthRefusals;
import org.tongban.health.Programme;
import org.tongban.health.PublicHealth;
import org.tongban.health.PublicHealthFigures;
import org.tongban.shared.RegionCode;
import org.tongban.shared.Refusal;

/**
 * 基本公共卫生服务 for a village doctor or a township health centre: what is overdue and due in their region, each done
 * in one step; enrolling a resident by ID number; the region's rates.
 */
@Controller
class PublicHealthPages {

  private final PublicHealth services;
  private final PublicHealthFigures figures;
  private final Jurisdiction jurisdiction;
  private final MessageSource messages;

  PublicHealthPages(PublicHealth services, PublicHealthFigures figures, Jurisdiction jurisdiction,
                    MessageSource messages) {
    this.services = services;
    this.figures = figures;
    this.jurisdiction = jurisdiction;
    this.messages = messages;
  }

  @GetMapping("/workbench/health/services")
  String list(@RequestParam(required = false) @Nullable RegionCode region,
              @RequestParam(required = false) @Nullable Programme programme,
              @RequestParam(defaultValue = "OVERDUE") PublicHealth.Due due, @RequestParam(defaultValue = "0") int page,
              Model model) {
    var where = region != null ? region : jurisdiction.widestRegion();
    model.addAttribute("programmes", Programme.values());
    model.addAttribute("dues", PublicHealth.Due.values());
    model.addAttribute("today", PublicHealth.today());
    if (where == null) {
      model.addAttribute("items", null);
      return "health/services";
    }
    model.addAttribute("region", where.value());
    model.addAttribute("programme", programme);
    model.addAttribute("due", due);
    model.addAttribute("items", services.due(where, programme, due, page, 50));
    model.addAttribute("figures", figures.rows(where, PublicHealth.today().getYear()));
    return "health/services";
  }

  @PostMapping("/workbench/health/services/enrolments")
  String enrol(@RequestParam(required = false) @Nullable String idNumber,
               @RequestParam(required = false) @Nullable Programme programme,
               @RequestParam(required = false) @Nullable LocalDate since, RedirectAttributes redirect) {
    try {
      var e = services.enrol(new PublicHealth.NewEnrolment(null, idNumber, programme, since));
      redirect.addFlashAttribute("done", "health.services.enrolled");
      return "redirect:/workbench/health/services?due=OPEN&region=" + e.region();
    } catch (HealthRefusals.Invalid | HealthRefusals.Ineligible | HealthRefusals.AlreadyEnrolled
             | HealthRefusals.NotFound refused) {
      // A resident outside the caller's jurisdiction reads as "not found", the same as an unknown number.
      redirect.addFlashAttribute("problem", say(refused));
      return "redirect:/workbench/health/services";
    }
  }

  @PostMapping("/workbench/health/services/items/{id}/done")
  String done(@PathVariable UUID id, @RequestParam(required = false) @Nullable LocalDate day,
              @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
    var item = services.item(id);
    try {
      services.done(id, day, note);
      redirect.addFlashAttribute("done", "health.services.recorded");
    } catch (HealthRefusals.Invalid | HealthRefusals.WrongState refused) {
      redirect.addFlashAttribute("problem", say(refused));
    }
    return "redirect:/workbench/health/services?region=" + item.region();
  }

  private String say(Refusal refused) {
    return messages.getMessage("problem." + refused.code(), refused.arguments(), LocaleContextHolder.getLocale());
  }
}
