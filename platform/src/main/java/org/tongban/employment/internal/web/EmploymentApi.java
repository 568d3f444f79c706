package org.tongban.employment.internal.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.employment.EmploymentRefusals.VacancyNotFound;
import org.tongban.employment.JobApplication;
import org.tongban.employment.JobApplications;
import org.tongban.employment.JobBoard;
import org.tongban.employment.MinimumWage;
import org.tongban.employment.MinimumWages;
import org.tongban.employment.NewVacancy;
import org.tongban.employment.Vacancies;
import org.tongban.employment.Vacancy;
import org.tongban.shared.RegionCode;
import org.tongban.shared.ResultPage;

/** The employment service over HTTP: the public job board; posting and closing for units; suspension and minimum wages for the labour bureau. */
@RestController
@RequestMapping("/api")
class EmploymentApi {

  private final JobBoard board;
  private final Vacancies vacancies;
  private final MinimumWages wages;
  private final JobApplications applications;

  EmploymentApi(JobBoard board, Vacancies vacancies, MinimumWages wages, JobApplications applications) {
    this.applications = applications;
    this.board = board;
    this.vacancies = vacancies;
    this.wages = wages;
  }

  /** Open vacancies in everyday words ("开叉车"), by place (a region code) and monthly pay at least (yuan). */
  @GetMapping("/vacancies")
  ResultPage<Vacancy> search(@RequestParam(required = false) @Nullable String q,
                             @RequestParam(required = false) @Nullable String region,
                             @RequestParam(required = false) @Nullable Integer minPay,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return board.search(q, region == null || region.isBlank() ? null : RegionCode.of(region),
        minPay == null ? null : minPay * 100, page, size);
  }

  @GetMapping("/vacancies/{id}")
  Vacancy one(@PathVariable UUID id) {
    return board.open(id).orElseThrow(() -> new VacancyNotFound(id.toString()));
  }

  /** Posts a vacancy for the unit the signed-in person acts for (authorised to recruit). */
  @PostMapping("/vacancies")
  @ResponseStatus(HttpStatus.CREATED)
  Vacancy post(@RequestBody NewVacancy vacancy) {
    return vacancies.post(vacancy);
  }

  @PostMapping("/vacancies/{id}/close")
  Vacancy close(@PathVariable UUID id) {
    return vacancies.close(id);
  }

  record SuspendRequest(@NotBlank @Size(min = 4, max = 500) String reason) {}

  /** The labour bureau of the vacancy's place designates it a 公益性岗位 (its hires may then claim 公益性岗位补贴). */
  @PostMapping("/vacancies/{id}/public-welfare")
  Vacancy designatePublicWelfare(@PathVariable UUID id) {
    return vacancies.designatePublicWelfare(id);
  }

  /** The labour bureau of the vacancy's place suspends it, saying why. */
  @PostMapping("/vacancies/{id}/suspend")
  Vacancy suspend(@PathVariable UUID id, @Valid @RequestBody SuspendRequest request) {
    return vacancies.suspend(id, request.reason());
  }

  record ApplyRequest(@Nullable @Size(max = 500) String note) {}

  /** The signed-in resident applies for an open vacancy (once). */
  @PostMapping("/vacancies/{id}/apply")
  @ResponseStatus(HttpStatus.CREATED)
  JobApplication apply(@PathVariable UUID id, @RequestBody(required = false) @Nullable ApplyRequest request) {
    return applications.apply(id, request == null ? null : request.note());
  }

  /** The applications to a vacancy, for its unit's people authorised to recruit. */
  @GetMapping("/vacancies/{id}/applications")
  List<JobApplication> applicants(@PathVariable UUID id) {
    return applications.forVacancy(id);
  }

  @GetMapping("/job-applications/mine")
  List<JobApplication> mine() {
    return applications.mine();
  }

  record AnswerRequest(@NotBlank String action, java.time.@Nullable Instant interviewAt, @Nullable String place,
                       @Nullable LocalDate startsOn) {}

  /** invite (interviewAt, place), reject, hire (startsOn) by the unit; withdraw by the seeker. */
  @PostMapping("/job-applications/{id}")
  JobApplication answer(@PathVariable UUID id, @Valid @RequestBody AnswerRequest r) {
    return switch (r.action()) {
      case "invite" -> applications.invite(id, r.interviewAt(), r.place());
      case "reject" -> applications.reject(id);
      case "hire" -> applications.hire(id, r.startsOn());
      case "withdraw" -> applications.withdraw(id);
      default -> throw new JobApplications.ApplicationNotFound(id);
    };
  }

  @GetMapping("/minimum-wages")
  List<MinimumWage> minimumWages() {
    return wages.list();
  }

  record MinimumWageRequest(@NotBlank String region, @NotBlank String monthly, @Nullable String hourly,
                            @NotBlank @Size(max = 300) String notice, LocalDate effectiveFrom) {}

  @PostMapping("/minimum-wages")
  @ResponseStatus(HttpStatus.CREATED)
  MinimumWage enter(@Valid @RequestBody MinimumWageRequest r) {
    return wages.record(r.region(), r.monthly(), r.hourly(), r.notice(), r.effectiveFrom());
  }
}
