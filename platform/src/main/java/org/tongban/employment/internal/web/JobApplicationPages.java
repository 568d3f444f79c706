package org.tongban.employment.internal.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
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
import org.tongban.access.Callers;
import org.tongban.employment.EmploymentFigures;
import org.tongban.employment.EmploymentRefusals.VacancyNotFound;
import org.tongban.employment.JobApplications;
import org.tongban.employment.Vacancies;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;

/**
 * Applying and answering: a resident applies from the job's page and follows it under 我的求职; the unit's people see
 * the applicants of a vacancy and invite, turn down or hire; the labour bureau sees 城镇新增就业 by region.
 */
@Controller
class JobApplicationPages {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final JobApplications applications;
  private final Vacancies vacancies;
  private final EmploymentFigures figures;
  private final Callers callers;
  private final org.tongban.employment.Seekers seekers;

  JobApplicationPages(JobApplications applications, Vacancies vacancies, EmploymentFigures figures, Callers callers,
                      org.tongban.employment.Seekers seekers) {
    this.seekers = seekers;
    this.applications = applications;
    this.vacancies = vacancies;
    this.figures = figures;
    this.callers = callers;
  }

  @PostMapping("/jobs/{id}/apply")
  String apply(@PathVariable UUID id, @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
    try {
      var application = applications.apply(id, note);
      redirect.addFlashAttribute("done", "job.applied");
      redirect.addFlashAttribute("doneArgs", new Object[] {application.vacancyTitle()});
    } catch (JobApplications.AlreadyApplied | JobApplications.NotASeeker refusal) {
      redirect.addFlashAttribute("problem", "problem." + refusal.code());
    }
    return "redirect:/my/jobs";
  }

  @GetMapping("/my/jobs")
  String mine(Model model) {
    model.addAttribute("applications", applications.mine());
    model.addAttribute("seeker", seekers.mine().orElse(null));
    model.addAttribute("recommended", seekers.recommendedVacancies());
    return "jobs/mine";
  }

  @PostMapping("/my/jobs/{id}/withdraw")
  String withdraw(@PathVariable UUID id, RedirectAttributes redirect) {
    applications.withdraw(id);
    redirect.addFlashAttribute("done", "job.withdrawn");
    return "redirect:/my/jobs";
  }

  @GetMapping("/my/units/vacancies/{id}")
  String applicants(@PathVariable UUID id, Model model) {
    var list = applications.forVacancy(id);
    model.addAttribute("vacancy", vacancies.find(id).orElseThrow(() -> new VacancyNotFound(id.toString())));
    model.addAttribute("applications", list);
    model.addAttribute("recommended", seekers.recommendedFor(id));
    model.addAttribute("today", LocalDate.now(CHINA));
    return "jobs/applicants";
  }

  @PostMapping("/my/units/vacancies/{id}/applications/{application}")
  String answer(@PathVariable UUID id, @PathVariable UUID application, @RequestParam String action,
                @RequestParam(required = false) @Nullable LocalDateTime interviewAt,
                @RequestParam(required = false) @Nullable String place,
                @RequestParam(required = false) @Nullable LocalDate startsOn, RedirectAttributes redirect) {
    // The application must belong to this vacancy: the services check the unit through the application's vacancy.
    if (applications.forVacancy(id).stream().noneMatch(a -> a.id().equals(application))) {
      throw new JobApplications.ApplicationNotFound(application);
    }
    try {
      switch (action) {
        case "invite" -> applications.invite(application, interviewAt == null ? null : interviewAt.atZone(CHINA).toInstant(),
            place);
        case "reject" -> applications.reject(application);
        case "hire" -> applications.hire(application, startsOn);
        default -> throw new JobApplications.ApplicationNotFound(application);
      }
      redirect.addFlashAttribute("done", "job.answer." + action);
    } catch (JobApplications.InvitationIncomplete | JobApplications.InvalidStart
             | org.tongban.employment.EmploymentRefusals.WrongState refusal) {
      redirect.addFlashAttribute("problem", "problem." + refusal.code());
    }
    return "redirect:/my/units/vacancies/" + id;
  }

  @GetMapping("/workbench/employment")
  String figures(@RequestParam(required = false) @Nullable String region, Model model) {
    RegionCode at = null;
    if (region != null && !region.isBlank()) {
      at = RegionCode.of(region);
    } else {
      at = callers.current().scopes().stream().map(org.tongban.access.Scope::region).filter(java.util.Objects::nonNull)
          .sorted().findFirst().orElse(null);
    }
    model.addAttribute("rows", at == null ? java.util.List.of() : figures.newJobs(at));
    model.addAttribute("occupations", at == null ? java.util.List.of() : figures.byOccupation(at));
    model.addAttribute("region", at);
    return "jobs/figures";
  }
}
