package org.tongban.employment.internal.web;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.employment.JobFairs;
import org.tongban.shared.Refusal;

/** 招聘会: the public list with entry registration and booth booking; holding a fair and its results for the bureau. */
@Controller
class JobFairPages {

  private final JobFairs fairs;

  JobFairPages(JobFairs fairs) {
    this.fairs = fairs;
  }

  @GetMapping("/jobs/fairs")
  String list(Model model) {
    model.addAttribute("fairs", fairs.upcoming());
    return "jobs/fairs";
  }

  @PostMapping("/jobs/fairs/{id}/register")
  String register(@PathVariable UUID id, RedirectAttributes redirect) {
    try {
      fairs.register(id);
      redirect.addFlashAttribute("done", "job.fair.registered");
      return "redirect:/my/bookings";
    } catch (Refusal refusal) {
      if (refusal instanceof JobFairs.FairNotFound) throw refusal;
      redirect.addFlashAttribute("problem", "problem." + refusal.code());
      return "redirect:/jobs/fairs";
    }
  }

  @PostMapping("/jobs/fairs/{id}/booth")
  String booth(@PathVariable UUID id, RedirectAttributes redirect) {
    try {
      fairs.bookBooth(id);
      redirect.addFlashAttribute("done", "job.fair.booth-booked");
      return "redirect:/my/bookings";
    } catch (Refusal refusal) {
      if (refusal instanceof JobFairs.FairNotFound) throw refusal;
      redirect.addFlashAttribute("problem", "problem." + refusal.code());
      return "redirect:/jobs/fairs";
    }
  }

  @GetMapping("/workbench/fairs")
  String held(Model model) {
    model.addAttribute("fairs", fairs.upcoming());
    model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
    return "jobs/fairs-admin";
  }

  @PostMapping("/workbench/fairs")
  String hold(@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String region,
              @RequestParam(required = false) @Nullable LocalDate day, @RequestParam(required = false) @Nullable String place,
              @RequestParam(defaultValue = "0") int booths, @RequestParam(defaultValue = "0") int visitors,
              @RequestParam(defaultValue = "false") boolean online, RedirectAttributes redirect) {
    try {
      var fair = fairs.hold(name, region, day, place, booths, visitors, online);
      redirect.addFlashAttribute("done", "job.fair.held");
      redirect.addFlashAttribute("doneArgs", new Object[] {fair.name()});
    } catch (JobFairs.InvalidFair refusal) {
      redirect.addFlashAttribute("problem", "problem." + refusal.code());
    }
    return "redirect:/workbench/fairs";
  }

  @GetMapping("/workbench/fairs/{id}")
  String results(@PathVariable UUID id, Model model) {
    model.addAttribute("results", fairs.results(id));
    return "jobs/fair-results";
  }
}
