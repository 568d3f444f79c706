package org.tongban.employment.internal.web;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.employment.EmploymentRefusals;
import org.tongban.employment.Match;
import org.tongban.employment.Seeker;
import org.tongban.employment.Seekers;
import org.tongban.employment.Vacancy;

/** 求职登记 for residents (page and API) and the recommendations both ways. */
@Controller
class SeekerPages {

  private final Seekers seekers;

  SeekerPages(Seekers seekers) {
    this.seekers = seekers;
  }

  @GetMapping("/my/seeker")
  String form(Model model) {
    var mine = seekers.mine().orElse(null);
    model.addAttribute("seeker", mine);
    model.addAttribute("educations", Seeker.Education.values());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", mine == null ? new Seekers.NewSeeker(null, null, null, null, null, null, false)
          : new Seekers.NewSeeker(mine.education(), String.join("，", mine.skills()), mine.occupation(),
              mine.region().value(), String.valueOf(mine.payCents() / 100), mine.availableFrom(), (Boolean) mine.findable(),
              mine.occupationGroup(), mine.graduatedOn()));
    }
    return "jobs/seeker";
  }

  @PostMapping("/my/seeker")
  String save(Seekers.NewSeeker form, Model model, RedirectAttributes redirect) {
    try {
      seekers.register(form);
      redirect.addFlashAttribute("done", "job.seeker.saved");
      return "redirect:/my/jobs";
    } catch (EmploymentRefusals.InvalidVacancy invalid) {
      model.addAttribute("form", form);
      model.addAttribute("problems", invalid.problems());
      return form(model);
    }
  }

  /** The seekers of the caller's area, and 帮办: registering a resident as a seeker at the window or station. */
  @GetMapping("/workbench/seekers")
  String area(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("results", seekers.inJurisdiction(page, 50));
    model.addAttribute("educations", Seeker.Education.values());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new Seekers.NewSeeker(null, null, null, null, null, null, false));
    }
    return "jobs/seekers";
  }

  @PostMapping("/workbench/seekers")
  String registerFor(@org.springframework.web.bind.annotation.RequestParam String idNumber, Seekers.NewSeeker form,
                     Model model, RedirectAttributes redirect) {
    try {
      var seeker = seekers.registerFor(idNumber, form);
      redirect.addFlashAttribute("done", "job.seeker.registered-for");
      redirect.addFlashAttribute("doneArgs", new Object[] {seeker.name()});
      return "redirect:/workbench/seekers";
    } catch (EmploymentRefusals.InvalidVacancy invalid) {
      model.addAttribute("form", form);
      model.addAttribute("idNumber", idNumber);
      model.addAttribute("problems", invalid.problems());
      return area(0, model);
    }
  }

  @GetMapping("/api/job-seeker")
  @ResponseBody
  Seeker mine() {
    return seekers.mine().orElseThrow(() -> new EmploymentRefusals.VacancyNotFound("job-seeker"));
  }

  /** Registers or updates the signed-in resident's 求职登记. */
  @PutMapping("/api/job-seeker")
  @ResponseBody
  Seeker put(@RequestBody Seekers.NewSeeker input) {
    return seekers.register(input);
  }

  @GetMapping("/api/job-seeker/recommendations")
  @ResponseBody
  List<Match<Vacancy>> recommendations() {
    return seekers.recommendedVacancies();
  }

  /** Seekers who agreed to be found, for a vacancy of the unit the caller recruits for. */
  @GetMapping("/api/vacancies/{id}/recommended-seekers")
  @ResponseBody
  List<Match<Seeker>> recommendedSeekers(@PathVariable UUID id) {
    return seekers.recommendedFor(id);
  }
}
