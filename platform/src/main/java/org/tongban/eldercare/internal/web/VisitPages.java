package org.tongban.eldercare.internal.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.eldercare.ElderCategory;
import org.tongban.eldercare.VisitManagement;
import org.tongban.eldercare.VisitNeed;
import org.tongban.eldercare.VisitRate;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;

/**
 * 居家社区探访 pages: the civil-affairs overview (rate by region with drill-down, overdue visits, register, plan),
 * and the community worker's phone pages (this month's visits, the visit record form).
 */
@Controller
class VisitPages {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private final VisitManagement visits;
  private final Jurisdiction jurisdiction;
  private final RegionDirectory regions;

  VisitPages(VisitManagement visits, Jurisdiction jurisdiction, RegionDirectory regions) {
    this.visits = visits;
    this.jurisdiction = jurisdiction;
    this.regions = regions;
  }

  /** The widest region the staff member may view for civil affairs (their first such scope). */
  private RegionCode home() {
    return jurisdiction.scopes().stream()
        .filter(s -> s.purpose().grants(Purpose.VIEW) && s.region() != null
            && (s.department().equals(Scope.ANY_DEPARTMENT) || s.department().equals("civil-affairs")))
        .map(Scope::region).min(java.util.Comparator.comparingInt(r -> r.level().number()))
        .orElseThrow(() -> new NoVisitScope());
  }

  @GetMapping("/workbench/visits")
  String overview(@RequestParam(required = false) @Nullable String region,
                  @RequestParam(required = false) @Nullable YearMonth month, Model model) {
    var at = region == null || region.isBlank() ? home() : regions.get(region).code();
    var shown = month == null ? YearMonth.now(CHINA) : month;
    model.addAttribute("region", regions.get(at));
    model.addAttribute("trail", regions.trail(at));
    model.addAttribute("month", shown);
    model.addAttribute("rate", visits.rate(at, shown));
    model.addAttribute("below", visits.ratesBelow(at, shown));
    model.addAttribute("overdue", visits.overdue(at, LocalDate.now(CHINA)));
    model.addAttribute("register", visits.register(at, 0, 50));
    model.addAttribute("categories", ElderCategory.values());
    return "visits/index";
  }

  @GetMapping(path = "/api/visits/rates", produces = "application/json")
  @ResponseBody
  List<VisitRate> rates(@RequestParam String region, @RequestParam YearMonth month) {
    return visits.ratesBelow(regions.get(region).code(), month);
  }

  @PostMapping("/workbench/visits/register")
  String register(@RequestParam String idNumber, @RequestParam String village,
                  @RequestParam(name = "category", required = false) @Nullable List<ElderCategory> categories,
                  RedirectAttributes redirect) {
    try {
      var e = visits.register(idNumber, RegionCode.of(village),
          categories == null || categories.isEmpty() ? EnumSet.noneOf(ElderCategory.class) : EnumSet.copyOf(categories));
      redirect.addFlashAttribute("notice", "visit.registered.notice");
      redirect.addFlashAttribute("noticeArg", e.name());
    } catch (Refusal r) {
      redirect.addFlashAttribute("problem", r.code());
      redirect.addFlashAttribute("problemArgs", r.arguments());
    }
    return "redirect:/workbench/visits?region=" + village.substring(0, Math.min(9, village.length()));
  }

  @PostMapping("/workbench/visits/plan")
  String plan(@RequestParam String region, @RequestParam YearMonth month, @RequestParam String worker,
              RedirectAttributes redirect) {
    try {
      int n = visits.plan(month, regions.get(region).code(), worker.strip());
      redirect.addFlashAttribute("notice", "visit.planned");
      redirect.addFlashAttribute("noticeArg", n);
    } catch (Refusal r) {
      redirect.addFlashAttribute("problem", r.code());
      redirect.addFlashAttribute("problemArgs", r.arguments());
    }
    return "redirect:/workbench/visits?region=" + region + "&month=" + month;
  }

  @GetMapping("/workbench/visits/mine")
  String mine(@RequestParam(required = false) @Nullable YearMonth month, Model model) {
    var shown = month == null ? YearMonth.now(CHINA) : month;
    model.addAttribute("month", shown);
    model.addAttribute("plan", visits.myPlan(shown));
    model.addAttribute("today", LocalDate.now(CHINA));
    return "visits/mine";
  }

  @GetMapping("/workbench/visits/{elder}/record")
  String recordForm(@PathVariable UUID elder, Model model) {
    model.addAttribute("visitee", visits.elder(elder));
    model.addAttribute("history", visits.visits(elder));
    model.addAttribute("needs", VisitNeed.values());
    model.addAttribute("today", LocalDate.now(CHINA));
    return "visits/record";
  }

  @PostMapping("/workbench/visits/{elder}/record")
  String record(@PathVariable UUID elder, @RequestParam LocalDate visitedOn, @RequestParam String findings,
                @RequestParam(name = "need", required = false) @Nullable List<VisitNeed> needs,
                @RequestParam(required = false) @Nullable String followUp, Model model,
                RedirectAttributes redirect) {
    try {
      visits.record(elder, visitedOn, findings, needs == null ? EnumSet.noneOf(VisitNeed.class) : EnumSet.copyOf(needs),
          followUp);
    } catch (VisitManagement.InvalidElder e) {
      model.addAttribute("problem", e.code());
      model.addAttribute("problemArgs", e.arguments());
      model.addAttribute("findings", findings);
      return recordForm(elder, model);
    }
    redirect.addFlashAttribute("notice", "visit.recorded");
    redirect.addFlashAttribute("noticeArg", visits.elder(elder).name());
    return "redirect:/workbench/visits/mine";
  }

  static final class NoVisitScope extends Refusal {
    NoVisitScope() {
      super("eldercare.no-scope", 403);
    }
  }
}
