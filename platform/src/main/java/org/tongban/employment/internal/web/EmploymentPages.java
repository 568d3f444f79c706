package org.tongban.employment.internal.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.employment.EmploymentRefusals;
import org.tongban.employment.EmploymentRefusals.VacancyNotFound;
import org.tongban.employment.JobBoard;
import org.tongban.employment.MinimumWages;
import org.tongban.employment.NewVacancy;
import org.tongban.employment.Vacancies;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;

/**
 * Pages of the employment service: the public job board (找工作); a unit's vacancies for the people acting for it; the
 * labour bureau's list with suspension; minimum wages.
 */
@Controller
class EmploymentPages {

  private final JobBoard board;
  private final Vacancies vacancies;
  private final MinimumWages wages;
  private final tools.jackson.databind.json.JsonMapper json;

  EmploymentPages(JobBoard board, Vacancies vacancies, MinimumWages wages, tools.jackson.databind.json.JsonMapper json) {
    this.json = json;
    this.board = board;
    this.vacancies = vacancies;
    this.wages = wages;
  }

  @GetMapping("/jobs")
  String board(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String region,
               @RequestParam(required = false) @Nullable Integer minPay, @RequestParam(defaultValue = "0") int page,
               Model model) {
    RegionCode within = null;
    try {
      within = region == null || region.isBlank() ? null : RegionCode.of(region);
    } catch (Refusal ignored) {
      model.addAttribute("regionProblem", true);
    }
    model.addAttribute("q", q);
    model.addAttribute("region", region);
    model.addAttribute("minPay", minPay);
    Integer minCents = minPay == null ? null : minPay * 100;
    model.addAttribute("results", board.search(q, within, minCents, page, 20));
    model.addAttribute("cap", JobBoard.TOTAL_CAP);
    var spread = board.spread(q, within, minCents);
    model.addAttribute("spread", spread);
    // The outlines the map draws: the cities of both provinces, the counties of a city, or the county itself.
    var outlines = within == null ? List.of("210000000000", "510000000000") : List.of(within.value());
    model.addAttribute("outlines", String.join(" ", outlines));
    var counts = new java.util.LinkedHashMap<String, Long>();
    spread.counts().forEach((code, n) -> counts.put(code.value(), n));
    model.addAttribute("spreadJson", json.writeValueAsString(counts));
    return "jobs/index";
  }

  @GetMapping("/jobs/{id}")
  String job(@PathVariable UUID id, Model model) {
    model.addAttribute("v", board.open(id).orElseThrow(() -> new VacancyNotFound(id.toString())));
    return "jobs/view";
  }

  @GetMapping("/my/units/vacancies")
  String unitVacancies(Model model) {
    model.addAttribute("vacancies", vacancies.ofMyUnit());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new NewVacancy(null, null, 1, null, null, null, null, null,
          LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30)));
    }
    return "jobs/unit-vacancies";
  }

  @PostMapping("/my/units/vacancies")
  String post(NewVacancy form, Model model, RedirectAttributes redirect) {
    try {
      var posted = vacancies.post(form);
      redirect.addFlashAttribute("done", "job.posted");
      redirect.addFlashAttribute("doneArgs", new Object[] {posted.title()});
      return "redirect:/my/units/vacancies";
    } catch (EmploymentRefusals.InvalidVacancy invalid) {
      model.addAttribute("form", form);
      model.addAttribute("problems", invalid.problems());
      return unitVacancies(model);
    }
  }

  @PostMapping("/my/units/vacancies/{id}/close")
  String close(@PathVariable UUID id, RedirectAttributes redirect) {
    vacancies.close(id);
    redirect.addFlashAttribute("done", "job.closed");
    return "redirect:/my/units/vacancies";
  }

  @GetMapping("/workbench/vacancies")
  String supervised(@RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("results", vacancies.supervised(page, 50));
    return "jobs/supervise";
  }

  @PostMapping("/workbench/vacancies/{id}/suspend")
  String suspend(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
                 RedirectAttributes redirect) {
    try {
      vacancies.suspend(id, reason);
      redirect.addFlashAttribute("done", "job.suspended");
    } catch (EmploymentRefusals.ReasonRequired | EmploymentRefusals.WrongState refusal) {
      redirect.addFlashAttribute("problem", "problem." + refusal.code());
    }
    return "redirect:/workbench/vacancies";
  }

  @PostMapping("/workbench/vacancies/{id}/public-welfare")
  String designate(@PathVariable UUID id, RedirectAttributes redirect) {
    try {
      vacancies.designatePublicWelfare(id);
      redirect.addFlashAttribute("done", "job.public-welfare.designated");
    } catch (EmploymentRefusals.WrongState refusal) {
      redirect.addFlashAttribute("problem", "problem." + refusal.code());
    }
    return "redirect:/workbench/vacancies";
  }

  @GetMapping("/workbench/minimum-wages")
  String minimumWages(Model model) {
    model.addAttribute("wages", wages.list());
    return "jobs/minimum-wages";
  }

  @PostMapping("/workbench/minimum-wages")
  String enter(@RequestParam(required = false) @Nullable String region,
               @RequestParam(required = false) @Nullable String monthly,
               @RequestParam(required = false) @Nullable String hourly,
               @RequestParam(required = false) @Nullable String notice,
               @RequestParam(required = false) @Nullable LocalDate effectiveFrom, RedirectAttributes redirect) {
    try {
      wages.record(region == null ? "" : region, monthly, hourly, notice, effectiveFrom);
      redirect.addFlashAttribute("done", "job.minimum-wage.entered");
    } catch (EmploymentRefusals.InvalidMinimumWage refusal) {
      redirect.addFlashAttribute("problem", "problem." + refusal.code());
    }
    return "redirect:/workbench/minimum-wages";
  }
}
