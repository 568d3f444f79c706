package org.tongban.casework.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tongban.casework.CaseAction;
import org.tongban.casework.CaseFile;
import org.tongban.casework.CaseId;
import org.tongban.casework.Casework;
import org.tongban.casework.DecisionTerms;
import org.tongban.casework.Channel;
import org.tongban.casework.Deadline;
import org.tongban.casework.NewApplication;
import org.tongban.casework.Ratings;
import org.tongban.casework.RegionBasis;
import org.tongban.access.Callers;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseQueries;
import org.tongban.casework.CaseRefusals;
import org.tongban.casework.internal.CaseMaterials;
import org.tongban.organisation.OfficeId;
import org.tongban.person.PersonId;
import org.tongban.shared.RegionCode;
import org.tongban.shared.ResultPage;
import tools.jackson.databind.JsonNode;

/** Cases over JSON: apply (idempotent with the {@code Idempotency-Key} header), follow, work, rate. */
@RestController
@RequestMapping("/api")
@Tag(name = "cases", description = "办件：申请、查询、办理、评价 / Cases: apply, track, handle, rate")
class CaseApi {

  private final Casework casework;
  private final Applications applications;
  private final CaseQueries cases;
  private final Ratings ratings;
  private final Callers callers;

  CaseApi(Casework casework, Applications applications, CaseQueries cases, Ratings ratings, Callers callers) {
    this.casework = casework;
    this.applications = applications;
    this.cases = cases;
    this.ratings = ratings;
    this.callers = callers;
  }

  /** {@code applicant} is required when staff file for a resident (帮办代办); residents apply for themselves. */
  record ApplyRequest(@NotBlank @Size(max = 80) String item, @Nullable PersonId applicant, @Nullable Channel channel,
                      @Nullable RegionBasis basis, @Nullable RegionCode region, @NotNull JsonNode form,
                      @Nullable @Size(max = 200) String authorisation) {}

  /**
   * A case. {@code dueDate} is null until the case is accepted (受理 starts the clock); {@code dueProvisional}: it lies
   * in a year whose holiday notice is not loaded yet. {@code actions}: what the caller's office may do now.
   */
  record CaseResponse(CaseId id, String number, String item, int itemVersion, String itemName, String status,
                      String statusText, @Nullable String decision, String channel, OfficeId receivedBy,
                      OfficeId competentOffice, @Nullable OfficeId waitingOn, @Nullable LocalDate dueDate,
                      boolean dueProvisional, Deadline.Warning warning, int daysLeft, boolean clockPaused,
                      String applicantName, @Nullable String lifeEvent, boolean generated, List<CaseAction> actions) {
    static CaseResponse of(CaseFile c, List<CaseAction> actions) {
      var d = c.deadline(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
      return new CaseResponse(c.id(), c.number(), c.item(), c.itemVersion(), c.itemName(), c.status().name(),
          c.status().zh(), c.decision(), c.channel().name(), c.receivedBy(), c.competentOffice(), c.waitingOn(),
          c.dueDate(), d.provisional(), d.warning(), d.daysLeft(), d.paused(), c.applicantName(), c.lifeEvent(),
          c.generated(), actions);
    }
  }

  private CaseResponse response(CaseFile c) {
    return CaseResponse.of(c, cases.actions(c));
  }

  @PostMapping("/cases")
  @ResponseStatusCreated
  @Operation(summary = "Apply for an item (申请)", description = "A repeated request with the same Idempotency-Key returns the first case.")
  CaseResponse apply(@Valid @RequestBody ApplyRequest r,
                     @Parameter(description = "Client key of this submission; repeat it on retry")
                     @RequestHeader(name = "Idempotency-Key", required = false) @Nullable @Size(max = 100) String key) {
    return response(applications.apply(application(r.item(), r, key)));
  }

  @PostMapping("/life-events/{event}/cases")
  @ResponseStatusCreated
  @Operation(summary = "Apply for a life event (一件事): one form, one case per item")
  List<CaseResponse> applyForLifeEvent(@PathVariable String event, @Valid @RequestBody ApplyRequest r,
                                       @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
    return applications.applyForLifeEvent(event, application(event, r, key)).stream().map(this::response).toList();
  }

  /** Residents apply for themselves (their registry person); staff name the applicant. */
  private NewApplication application(String item, ApplyRequest r, @Nullable String key) {
    var caller = callers.current();
    if (r.applicant() == null && caller.resident() && caller.person() == null) throw new CaseRefusals.NotInRegistry();
    PersonId applicant = r.applicant() != null ? r.applicant()
        : caller.person() != null ? new PersonId(caller.person()) : null;
    if (applicant == null) throw new CaseRefusals.NotYourApplication();
    return new NewApplication(item, applicant, r.channel() == null ? Channel.WEB : r.channel(),
        r.basis() == null ? RegionBasis.RESIDENCE : r.basis(), r.region(), r.form(), key, r.authorisation());
  }

  @GetMapping("/cases/mine")
  @Operation(summary = "The signed-in resident's cases (我的办件)")
  ResultPage<CaseResponse> mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return cases.myCases(page, size).map(this::response);
  }

  @GetMapping("/cases/queue")
  @Operation(summary = "Cases waiting on the caller's office, nearest due date first (待办)")
  ResultPage<CaseResponse> queue(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return cases.queue(page, size).map(this::response);
  }

  @GetMapping("/cases/{id}")
  CaseResponse one(@PathVariable CaseId id) {
    return response(cases.view(id));
  }

  @GetMapping("/cases/{id}/timeline")
  List<CaseQueries.TimelineEntry> timeline(@PathVariable CaseId id) {
    return cases.timeline(id);
  }

  @GetMapping("/cases/{id}/materials")
  List<CaseMaterials.Entry> materials(@PathVariable CaseId id) {
    return cases.materials(id);
  }

  @GetMapping("/cases/{id}/materials/{material}")
  @Operation(summary = "An uploaded material's file (applicant, or staff of the offices on the case; staff reads are audited)")
  ResponseEntity<byte[]> material(@PathVariable CaseId id, @PathVariable UUID material) {
    return MaterialDownload.of(cases.material(id, material));
  }

  @PostMapping(path = "/cases/{id}/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatusCreated
  @Operation(summary = "Upload a material (PDF, PNG or JPEG, at most 10 MiB)")
  CaseMaterials.Entry upload(@PathVariable CaseId id, @RequestParam @NotBlank String code,
                             @RequestPart("file") MultipartFile file) throws IOException {
    return casework.attach(id, code, file.getContentType(), file.getBytes());
  }

  /**
   * A step on a case. Approving an item that pays money also states what is granted: {@code amount} in yuan (at most
   * two decimals) each month or once, and for monthly payments the first month {@code from} and, if it ends, the last
   * month {@code to} ({@code yyyy-MM}).
   */
  record ActionRequest(@NotNull CaseAction action, @Nullable @Size(max = 500) String note,
                       @Nullable @Size(max = 20) String amount, @Nullable @Size(max = 7) String from,
                       @Nullable @Size(max = 7) String to) {}

  @PostMapping("/cases/{id}/actions")
  @Operation(summary = "Take the step the case waits on at the caller's office (预审/受理/审查/决定/送达)")
  CaseResponse act(@PathVariable CaseId id, @Valid @RequestBody ActionRequest r) {
    return response(casework.act(id, r.action(), r.note(), DecisionTerms.typed(r.amount(), r.from(), r.to())));
  }

  record ForwardRequest(@NotNull OfficeId office, @NotBlank @Size(max = 500) String reason) {}

  @PostMapping("/cases/{id}/forward")
  @Operation(summary = "转办: hand the case to another competent office of the same department")
  CaseResponse forward(@PathVariable CaseId id, @Valid @RequestBody ForwardRequest r) {
    return response(casework.forward(id, r.office(), r.reason()));
  }

  record NoteRequest(@Nullable @Size(max = 500) String note) {}

  @PostMapping("/cases/{id}/supplied")
  @Operation(summary = "补正 done: the clock resumes")
  CaseResponse supplied(@PathVariable CaseId id, @Valid @RequestBody NoteRequest r) {
    return response(casework.supplied(id, r.note()));
  }

  record ReasonRequest(@NotBlank @Size(max = 500) String reason) {}

  @PostMapping("/cases/{id}/withdraw")
  @Operation(summary = "撤回 by the applicant before a decision")
  CaseResponse withdraw(@PathVariable CaseId id, @Valid @RequestBody ReasonRequest r) {
    return response(casework.withdraw(id, r.reason()));
  }

  @GetMapping("/cases/{id}/results")
  List<ResultResponse> results(@PathVariable CaseId id) {
    return cases.results(id).stream().map(ResultResponse::of).toList();
  }

  record ResultResponse(String code, String kind, String title, String holderMasked, String issuer,
                        java.time.Instant issuedAt, String trustLevel, String sha256, boolean revoked) {
    static ResultResponse of(org.tongban.casework.Certificate i) {
      return new ResultResponse(i.code(), i.kind(), i.title(), i.holderMasked(), i.issuer(), i.issuedAt(), i.trustLevel(),
          i.sha256(), i.revokedAt() != null);
    }
  }

  @GetMapping(path = "/cases/{id}/results/{code}", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> resultFile(@PathVariable CaseId id, @PathVariable String code) {
    return ResponseEntity.ok()
        .header("Content-Disposition", ContentDisposition.attachment().filename(code + ".pdf").build().toString())
        .contentType(MediaType.APPLICATION_PDF).body(cases.resultFile(id, code));
  }

  record RatingRequest(@Min(1) @Max(5) int efficiency, @Min(1) @Max(5) int guide, @Min(1) @Max(5) int convenience,
                       @Min(1) @Max(5) int operability, @Min(1) @Max(5) int overall,
                       @Nullable @Size(max = 500) String comment) {}

  @PostMapping("/cases/{id}/rating")
  @ResponseStatusCreated
  @Operation(summary = "好差评: rate a finished case")
  Ratings.Rating rate(@PathVariable CaseId id, @Valid @RequestBody RatingRequest r) {
    return ratings.rate(id, new Ratings.Scores(r.efficiency(), r.guide(), r.convenience(), r.operability(), r.overall(),
        r.comment()));
  }

  record FollowUpRequest(@NotBlank String step, @NotBlank @Size(max = 500) String note) {}

  @PostMapping("/cases/{id}/rating/follow-up")
  @Operation(summary = "Move a bad rating's loop on: 回访核实 → 限期整改 / 申诉复核 → 已办结")
  Ratings.Rating followUp(@PathVariable CaseId id, @Valid @RequestBody FollowUpRequest r) {
    return ratings.followUp(id, r.step(), r.note());
  }

  @GetMapping("/supervision/deadlines")
  @Operation(summary = "Open cases near (within N working days) or past their limit, in the supervisor's jurisdiction")
  ResultPage<CaseResponse> deadlines(@RequestParam(defaultValue = "3") int within,
                                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    return cases.nearOrPastLimit(within, page, size).map(this::response);
  }

  @GetMapping("/supervision/ratings")
  ResultPage<Ratings.Summary> ratingSummary(@RequestParam(defaultValue = "office") String by,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "50") int size) {
    return ratings.summary("item".equals(by), page, size);
  }

  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
  @interface ResponseStatusCreated {}
}
