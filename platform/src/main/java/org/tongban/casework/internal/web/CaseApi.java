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
import org.tongban.casework.Channel;
import org.tongban.casework.Deadline;
import org.tongban.casework.NewApplication;
import org.tongban.casework.Ratings;
import org.tongban.casework.RegionBasis;
import org.tongban.identity.ResidentAccounts;
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
  private final Ratings ratings;
  private final ResidentAccounts accounts;

  CaseApi(Casework casework, Ratings ratings, ResidentAccounts accounts) {
    this.casework = casework;
    this.ratings = ratings;
    this.accounts = accounts;
  }

  /** {@code applicant} is required when staff file for a resident (帮办代办); residents apply for themselves. */
  record ApplyRequest(@NotBlank @Size(max = 80) String item, @Nullable PersonId applicant, @Nullable Channel channel,
                      @Nullable RegionBasis basis, @Nullable RegionCode region, @NotNull JsonNode form,
                      @Nullable @Size(max = 200) String authorisation) {}

  record CaseResponse(CaseId id, String number, String item, int itemVersion, String itemName, String status,
                      String statusText, @Nullable String decision, String channel, OfficeId receivedBy,
                      OfficeId competentOffice, @Nullable OfficeId waitingOn, @Nullable LocalDate dueDate,
                      Deadline.Warning warning, int daysLeft, boolean clockPaused, String applicantName,
                      @Nullable String lifeEvent, boolean generated) {
    static CaseResponse of(CaseFile c) {
      var d = c.deadline(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
      return new CaseResponse(c.id(), c.number(), c.item(), c.itemVersion(), c.itemName(), c.status().name(),
          c.status().zh(), c.decision(), c.channel().name(), c.receivedBy(), c.competentOffice(), c.waitingOn(),
          c.dueDate(), d.warning(), d.daysLeft(), d.paused(), c.applicantName(), c.lifeEvent(), c.generated());
    }
  }

  @PostMapping("/cases")
  @ResponseStatusCreated
  @Operation(summary = "Apply for an item (申请)", description = "A repeated request with the same Idempotency-Key returns the first case.")
  CaseResponse apply(@Valid @RequestBody ApplyRequest r,
                     @Parameter(description = "Client key of this submission; repeat it on retry")
                     @RequestHeader(name = "Idempotency-Key", required = false) @Nullable @Size(max = 100) String key) {
    return CaseResponse.of(casework.apply(application(r.item(), r, key)));
  }

  @PostMapping("/life-events/{event}/cases")
  @ResponseStatusCreated
  @Operation(summary = "Apply for a life event (一件事): one form, one case per item")
  List<CaseResponse> applyForLifeEvent(@PathVariable String event, @Valid @RequestBody ApplyRequest r,
                                       @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
    return casework.applyForLifeEvent(event, application(event, r, key)).stream().map(CaseResponse::of).toList();
  }

  private NewApplication application(String item, ApplyRequest r, @Nullable String key) {
    PersonId applicant = r.applicant() != null ? r.applicant()
        : accounts.currentPerson().orElseThrow(Casework.NotYourApplication::new);
    return new NewApplication(item, applicant, r.channel() == null ? Channel.WEB : r.channel(),
        r.basis() == null ? RegionBasis.RESIDENCE : r.basis(), r.region(), r.form(), key, r.authorisation());
  }

  @GetMapping("/cases/mine")
  @Operation(summary = "The signed-in resident's cases (我的办件)")
  ResultPage<CaseResponse> mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return casework.myCases(page, size).map(CaseResponse::of);
  }

  @GetMapping("/cases/queue")
  @Operation(summary = "Cases waiting on the caller's office, nearest due date first (待办)")
  ResultPage<CaseResponse> queue(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return casework.queue(page, size).map(CaseResponse::of);
  }

  @GetMapping("/cases/{id}")
  CaseResponse one(@PathVariable CaseId id) {
    return CaseResponse.of(casework.view(id));
  }

  @GetMapping("/cases/{id}/timeline")
  List<Casework.TimelineEntry> timeline(@PathVariable CaseId id) {
    return casework.timeline(id);
  }

  @GetMapping("/cases/{id}/materials")
  List<Casework.MaterialEntry> materials(@PathVariable CaseId id) {
    return casework.materials(id);
  }

  @PostMapping(path = "/cases/{id}/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatusCreated
  @Operation(summary = "Upload a material (PDF, PNG or JPEG, at most 10 MiB)")
  Casework.MaterialEntry upload(@PathVariable CaseId id, @RequestParam @NotBlank String code,
                                @RequestPart("file") MultipartFile file) throws IOException {
    return casework.attach(id, code, file.getBytes());
  }

  record ActionRequest(@NotNull CaseAction action, @Nullable @Size(max = 500) String note) {}

  @PostMapping("/cases/{id}/actions")
  @Operation(summary = "Take the step the case waits on at the caller's office (预审/受理/审查/决定/送达)")
  CaseResponse act(@PathVariable CaseId id, @Valid @RequestBody ActionRequest r) {
    return CaseResponse.of(casework.act(id, r.action(), r.note()));
  }

  record ForwardRequest(@NotNull OfficeId office, @NotBlank @Size(max = 500) String reason) {}

  @PostMapping("/cases/{id}/forward")
  @Operation(summary = "转办: hand the case to another competent office of the same department")
  CaseResponse forward(@PathVariable CaseId id, @Valid @RequestBody ForwardRequest r) {
    return CaseResponse.of(casework.forward(id, r.office(), r.reason()));
  }

  record NoteRequest(@Nullable @Size(max = 500) String note) {}

  @PostMapping("/cases/{id}/supplied")
  @Operation(summary = "补正 done: the clock resumes")
  CaseResponse supplied(@PathVariable CaseId id, @Valid @RequestBody NoteRequest r) {
    return CaseResponse.of(casework.supplied(id, r.note()));
  }

  record ReasonRequest(@NotBlank @Size(max = 500) String reason) {}

  @PostMapping("/cases/{id}/withdraw")
  @Operation(summary = "撤回 by the applicant before a decision")
  CaseResponse withdraw(@PathVariable CaseId id, @Valid @RequestBody ReasonRequest r) {
    return CaseResponse.of(casework.withdraw(id, r.reason()));
  }

  @GetMapping("/cases/{id}/results")
  List<ResultResponse> results(@PathVariable CaseId id) {
    return casework.results(id).stream().map(ResultResponse::of).toList();
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
        .contentType(MediaType.APPLICATION_PDF).body(casework.resultFile(id, code));
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
    return casework.nearOrPastLimit(within, page, size).map(CaseResponse::of);
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
