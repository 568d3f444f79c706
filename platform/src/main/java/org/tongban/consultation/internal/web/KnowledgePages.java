package org.tongban.consultation.internal.web;

import java.time.LocalDate;
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
import org.tongban.consultation.Analytics;
import org.tongban.consultation.Entries;
import org.tongban.shared.Refusal;

/**
 * The desk's knowledge pages: what residents asked (topics by week, the gaps below the confidence floor, ratings and
 * ticket timeliness) and the curated answers of the officer's department — write one (a gap's question filled in),
 * publish or send back a colleague's.
 */
@Controller
class KnowledgePages {

  private final Analytics analytics;
  private final Entries entries;
  private final RefusalText problems;

  KnowledgePages(Analytics analytics, Entries entries, RefusalText problems) {
    this.analytics = analytics;
    this.entries = entries;
    this.problems = problems;
  }


  @GetMapping("/workbench/consultation/analytics")
  String analytics(Model model) {
    model.addAttribute("summary", analytics.summary(30));
    model.addAttribute("topics", analytics.hotTopics(4));
    model.addAttribute("gaps", analytics.gaps(20));
    return "consultation/analytics";
  }

  @GetMapping("/workbench/consultation/entries")
  String entries(@RequestParam(required = false) @Nullable String question, Model model) {
    model.addAttribute("entries", entries.ofMyDepartment(null));
    model.addAttribute("question", question == null ? "" : question.length() > 500 ? question.substring(0, 500) : question);
    model.addAttribute("today", LocalDate.now(ZoneId.of("Asia/Shanghai")));
    return "consultation/entries";
  }

  @PostMapping("/workbench/consultation/entries")
  String write(@RequestParam(required = false) @Nullable String code,
               @RequestParam(required = false) @Nullable String question,
               @RequestParam(required = false) @Nullable String answer,
               @RequestParam(required = false) @Nullable String source,
               @RequestParam(required = false) @Nullable LocalDate effectiveFrom,
               @RequestParam(required = false) @Nullable LocalDate effectiveTo, RedirectAttributes redirect) {
    try {
      var e = entries.write(code == null || code.isBlank() ? null : code.strip(), question, answer, source, effectiveFrom,
          effectiveTo);
      redirect.addFlashAttribute("done", "consultation.entry.written");
      redirect.addFlashAttribute("code", e.code());
    } catch (Refusal refused) {
      redirect.addFlashAttribute("problem", problems.text(refused));
    }
    return "redirect:/workbench/consultation/entries";
  }

  @PostMapping("/workbench/consultation/entries/{id}/review")
  String review(@PathVariable UUID id, @RequestParam boolean publish, @RequestParam(required = false) @Nullable String note,
                RedirectAttributes redirect) {
    try {
      var e = entries.review(id, publish, note);
      redirect.addFlashAttribute("done", publish ? "consultation.entry.published" : "consultation.entry.rejected");
      redirect.addFlashAttribute("code", e.code());
    } catch (Refusal refused) {
      redirect.addFlashAttribute("problem", problems.text(refused));
    }
    return "redirect:/workbench/consultation/entries";
  }
}
