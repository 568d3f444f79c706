package org.tongban.health.internal.web;

import java.math.BigDecimal;
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
import org.tongban.health.HealthRefusals;
import org.tongban.health.PublicHealth;
import org.tongban.health.Reading;
import org.tongban.health.StaffRecords;
import org.tongban.shared.Refusal;

/**
 * 居民健康档案 for the health staff of a village or township: find a resident by the ID number she shows, read her
 * record, enter a blood pressure, a fasting glucose or a weight. The ID number goes in a form's body, never in an
 * address; the resident's page is addressed by her registry id.
 */
@Controller
class StaffRecordPages {

  private final StaffRecords records;
  private final MessageSource messages;

  StaffRecordPages(StaffRecords records, MessageSource messages) {
    this.records = records;
    this.messages = messages;
  }

  @GetMapping("/workbench/health/records")
  String search(Model model) {
    return "health/records";
  }

  @PostMapping("/workbench/health/records/lookup")
  String lookup(@RequestParam(required = false) @Nullable String idNumber, RedirectAttributes redirect) {
    try {
      return "redirect:/workbench/health/records/" + records.find(idNumber);
    } catch (HealthRefusals.Invalid | HealthRefusals.NotFound refused) {
      // Outside the jurisdiction reads as "not found", the same as an unknown number.
      redirect.addFlashAttribute("problem", say(refused));
      return "redirect:/workbench/health/records";
    }
  }

  @GetMapping("/workbench/health/records/{patient}")
  String chart(@PathVariable UUID patient, Model model) {
    model.addAttribute("chart", records.chart(patient));
    model.addAttribute("readings", Reading.values());
    model.addAttribute("today", PublicHealth.today());
    return "health/record";
  }

  @PostMapping("/workbench/health/records/{patient}/readings")
  String reading(@PathVariable UUID patient, @RequestParam(required = false) @Nullable Reading kind,
                 @RequestParam(required = false) @Nullable String value,
                 @RequestParam(required = false) @Nullable String second,
                 @RequestParam(required = false) @Nullable LocalDate day,
                 @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
    try {
      var entry = records.record(patient, new StaffRecords.NewReading(kind, number(value), number(second), day, note));
      redirect.addFlashAttribute("done", entry.summary());
    } catch (HealthRefusals.Invalid | HealthRefusals.OutOfRange refused) {
      redirect.addFlashAttribute("problem", say(refused));
    }
    return "redirect:/workbench/health/records/" + patient;
  }

  /** A number as typed ("150", "6.1"); anything else is no number, refused with the range it must be in. */
  private static @Nullable BigDecimal number(@Nullable String typed) {
    if (typed == null || typed.isBlank() || typed.length() > 12) return null;
    try {
      return new BigDecimal(typed.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private String say(Refusal refused) {
    return messages.getMessage("problem." + refused.code(), refused.arguments(), LocaleContextHolder.getLocale());
  }
}
