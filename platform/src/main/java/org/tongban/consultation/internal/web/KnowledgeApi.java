package org.tongban.consultation.internal.web;

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
import org.tongban.consultation.Entries;
import org.tongban.consultation.ImportedTexts;

/**
 * The knowledge base's upkeep: curated answers written by one officer and published by another of the same
 * department, and further law texts imported by administrators.
 */
@RestController
@RequestMapping("/api/consultation")
class KnowledgeApi {

  private final Entries entries;
  private final ImportedTexts texts;
  private final org.tongban.consultation.Analytics analytics;

  KnowledgeApi(Entries entries, ImportedTexts texts, org.tongban.consultation.Analytics analytics) {
    this.entries = entries;
    this.texts = texts;
    this.analytics = analytics;
  }

  record EntryRequest(@Nullable String code, @Nullable String question, @Nullable String answer,
                      @Nullable String source, @Nullable LocalDate effectiveFrom, @Nullable LocalDate effectiveTo) {}

  /** A new curated answer, or the next version of {@code code}, for review. */
  @PostMapping("/entries")
  @ResponseStatus(HttpStatus.CREATED)
  Entries.Entry write(@RequestBody EntryRequest r) {
    return entries.write(r.code(), r.question(), r.answer(), r.source(), r.effectiveFrom(), r.effectiveTo());
  }

  @GetMapping("/entries")
  List<Entries.Entry> list(@RequestParam(required = false) Entries.@Nullable Status status) {
    return entries.ofMyDepartment(status);
  }

  record ReviewRequest(boolean publish, @Nullable String note) {}

  @PostMapping("/entries/{id}/review")
  Entries.Entry review(@PathVariable UUID id, @RequestBody ReviewRequest r) {
    return entries.review(id, r.publish(), r.note());
  }

  record AnalyticsResponse(org.tongban.consultation.Analytics.Summary summary,
                           List<org.tongban.consultation.Analytics.TopicWeek> topics,
                           List<org.tongban.consultation.Analytics.Gap> gaps) {}

  /** What residents asked within the caller's jurisdiction: totals, topics by week, gaps below the floor. */
  @GetMapping("/analytics")
  AnalyticsResponse analytics(@RequestParam(defaultValue = "30") int days, @RequestParam(defaultValue = "4") int weeks) {
    return new AnalyticsResponse(analytics.summary(days), analytics.hotTopics(weeks), analytics.gaps(50));
  }

  record TextRequest(@Nullable String fileName, @Nullable String content) {}

  /** A further law text in the data folder's layout (administrators). */
  @PostMapping("/texts")
  @ResponseStatus(HttpStatus.CREATED)
  ImportedTexts.Imported importText(@RequestBody TextRequest r) {
    return texts.importText(r.fileName(), r.content());
  }
}
