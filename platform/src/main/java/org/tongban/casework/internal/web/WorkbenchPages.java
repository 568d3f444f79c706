package org.tongban.casework.internal.web;

import org.tongban.casework.ApplicationForm;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.casework.CaseAction;
import org.tongban.casework.CaseId;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseQueries;
import org.tongban.casework.CaseRefusals;
import org.tongban.casework.CaseStatus;
import org.tongban.casework.Casework;
import org.tongban.casework.DecisionTerms;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.Ratings;
import org.tongban.casework.RegionBasis;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.organisation.OfficeId;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;
import org.tongban.shared.RegionCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff pages: the office's queue sorted by deadline, one case with the actions its step allows, filing for a
 * resident at the window (帮办代办, with the authorisation recorded), and the supervisors' deadline and rating
 * pages.
 */
@Controller
class WorkbenchPages {

  private final Casework casework;
  private final Applications applications;
  private final CaseQueries cases;
  private final Ratings ratings;
  private final ServiceCatalogue catalogue;
  private final Residents residents;
  private final OrganisationDirectory organisations;
  private final JsonMapper json;
  private final org.tongban.audit.AuditTrail audit;
  private final org.tongban.access.Callers callers;
  private final org.tongban.casework.internal.CaseMaterials materials;

  private final org.tongban.region.RegionDirectory regions;

  private final org.tongban.casework.internal.FilingFor filingFor;

  WorkbenchPages(org.tongban.audit.AuditTrail audit, Casework casework, Applications applications, CaseQueries cases, Ratings ratings,
                 ServiceCatalogue catalogue, Residents residents, OrganisationDirectory organisations, JsonMapper json,
                 org.tongban.access.Callers callers, org.tongban.casework.internal.CaseMaterials materials,
                 org.tongban.region.RegionDirectory regions, org.tongban.casework.internal.FilingFor filingFor) {
    this.filingFor = filingFor;
    this.regions = regions;
    this.audit = audit;
    this.callers = callers;
    this.materials = materials;
    this.casework = casework;
    this.applications = applications;
    this.cases = cases;
    this.ratings = ratings;
    this.catalogue = catalogue;
    this.residents = residents;
    this.organisations = organisations;
    this.json = json;
  }

  private String regionName(String code) {
    try {
      return regions.fullName(org.tongban.shared.RegionCode.of(code));
    } catch (RuntimeException e) {
      return code;
    }
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  @GetMapping("/workbench")
  String queue(@RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("cases", cases.queue(page, 30));
    model.addAttribute("received", cases.received(0, 10));
    model.addAttribute("today", today());
    return "workbench/index";
  }

  @GetMapping("/workbench/cases/{id}")
  String one(@PathVariable CaseId id, Model model) {
    var c = cases.view(id);
    model.addAttribute("c", c);
    var spec = catalogue.version(c.item(), c.itemVersion()).spec();
    // The form as labelled answers (titles from the schema, regions and options in words), not raw JSON.
    model.addAttribute("formRows", ApplicationForm.rows(spec.form(), c.form(), this::regionName));
    model.addAttribute("payment", spec.result().payment());
    model.addAttribute("deadline", c.deadline(today()));
    model.addAttribute("materialBase", "/workbench/cases/" + id + "/materials");
    model.addAttribute("timeline", cases.timeline(id));
    model.addAttribute("materials", cases.materials(id));
    model.addAttribute("results", cases.results(id));
    model.addAttribute("rating", ratings.ofCase(id).orElse(null));
    model.addAttribute("receivedBy", organisations.find(c.receivedBy()).map(o -> o.name()).orElse(""));
    model.addAttribute("competent", organisations.find(c.competentOffice()).map(o -> o.name()).orElse(""));
    // The receiving office scans paper materials in while the case is open.
    boolean receiving = c.status().open() && c.receivedBy().toString().equals(callers.current().office());
    model.addAttribute("uploadable", receiving
        ? materials.uploadable(c, spec) : java.util.List.of());
    // Only what the step allows, and only when the case waits on this office (CaseStep's table).
    var actions = cases.actions(c);
    model.addAttribute("actions", actions);
    model.addAttribute("mayApprove", actions.contains(CaseAction.APPROVE));
    // 转办 targets: the same department's offices in the same city, the current one left out; only for the office the
    // case waits on before acceptance.
    var city = c.competentRegion().atLevel(org.tongban.shared.RegionLevel.CITY);
    boolean mayForward = !actions.isEmpty() && (c.status() == CaseStatus.PRE_REVIEW
        || c.status() == CaseStatus.AWAITING_ACCEPTANCE);
    model.addAttribute("forwardTo", city == null || !mayForward ? java.util.List.of()
        : organisations.officesOf(c.department(), city).stream()
            .filter(o -> c.waitingOn() == null || !o.id().equals(c.waitingOn())).toList());
    return "workbench/case";
  }

  @PostMapping("/workbench/cases/{id}/materials")
  String upload(@PathVariable CaseId id, @RequestParam String code,
                @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                org.springframework.web.servlet.mvc.support.RedirectAttributes flash) throws java.io.IOException {
    var added = casework.attach(id, code, file.getContentType(), file.getBytes());
    flash.addFlashAttribute("uploaded", added.name());
    return "redirect:/workbench/cases/" + id;
  }

  @GetMapping("/workbench/cases/{id}/materials/{material}")
  org.springframework.http.ResponseEntity<byte[]> material(@PathVariable CaseId id, @PathVariable UUID material) {
    return MaterialDownload.of(cases.material(id, material));
  }

  @PostMapping("/workbench/cases/{id}/act")
  String act(@PathVariable CaseId id, @RequestParam CaseAction action, @RequestParam(required = false) @Nullable String note,
             @RequestParam(required = false) @Nullable String amount, @RequestParam(required = false) @Nullable String from,
             @RequestParam(required = false) @Nullable String to,
             org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
    casework.act(id, action, note, DecisionTerms.typed(amount, from, to));
    flash.addFlashAttribute("done", "case.done." + action.name());
    return "redirect:/workbench/cases/" + id;
  }

  @PostMapping("/workbench/cases/{id}/forward")
  String forward(@PathVariable CaseId id, @RequestParam OfficeId office, @RequestParam String reason) {
    casework.forward(id, office, reason);
    return "redirect:/workbench";
  }

  @PostMapping("/workbench/cases/{id}/rating/follow-up")
  String followUp(@PathVariable CaseId id, @RequestParam String step, @RequestParam String note) {
    ratings.followUp(id, step, note);
    return "redirect:/workbench/cases/" + id;
  }

  /** 帮办代办, step one: find the resident by ID number (exact, in the clerk's jurisdiction) and pick the item. */
  @GetMapping("/workbench/file")
  String fileStart(@RequestParam(required = false) @Nullable String idNumber,
                   @RequestParam(required = false) @Nullable String item, Model model) {
    model.addAttribute("items", catalogue.items());
    model.addAttribute("idNumber", idNumber);
    model.addAttribute("item", item);
    if (idNumber != null && !idNumber.isBlank() && item != null && !item.isBlank()) {
      var resident = residents.lookup(new IdNumber(idNumber.strip())).orElse(null);
      model.addAttribute("resident", resident);
      if (resident != null) {
        // 全省通办: any window may file for any resident of the province; every such lookup is on record.
        audit.record("case.applicant-looked-up", "person", resident.id().toString(), resident.residenceRegion(),
            Map.of("item", item));
        var version = catalogue.currentOrRefuse(item);
        model.addAttribute("version", version);
        model.addAttribute("fields", ApplicationForm.fields(version.spec().form(), resident, Map.of()));
        model.addAttribute("submission", UUID.randomUUID().toString());
      }
    }
    return "workbench/file";
  }

  @PostMapping("/workbench/file")
  String file(@RequestParam String idNumber, @RequestParam String item, @RequestParam String authorisation,
              @RequestParam Channel channel, @RequestParam RegionBasis basis,
              @RequestParam(required = false) @Nullable String region,
              @RequestParam(required = false) @Nullable String unitCode, @RequestParam Map<String, String> params,
              Model model) {
    var resident = residents.lookup(new IdNumber(idNumber.strip())).orElseThrow(CaseRefusals.NotYourApplication::new);
    var version = catalogue.currentOrRefuse(item);
    var form = ApplicationForm.read(version.spec().form(), params, json);
    // 法人办事 at the window: the person present files for the unit whose credit code they give.
    var unit = unitCode == null || unitCode.isBlank() ? null : filingFor.unitByCode(unitCode);
    try {
      var c = applications.apply(new NewApplication(item, resident.id(), channel, basis,
          region == null || region.isBlank() ? null : RegionCode.of(region), form, params.get("submission"), authorisation,
          null, unit));
      return "redirect:/workbench/cases/" + c.id();
    } catch (CaseRefusals.InvalidApplication e) {
      model.addAttribute("items", catalogue.items());
      model.addAttribute("idNumber", idNumber);
      model.addAttribute("item", item);
      model.addAttribute("resident", resident);
      model.addAttribute("version", version);
      model.addAttribute("fields", ApplicationForm.fields(version.spec().form(), resident, params));
      model.addAttribute("problems", e.problems());
      model.addAttribute("submission", params.get("submission"));
      return "workbench/file";
    }
  }

  @GetMapping("/supervision")
  String supervision(@RequestParam(defaultValue = "3") int within, @RequestParam(defaultValue = "0") int page,
                     @RequestParam(defaultValue = "office") String by, Model model) {
    model.addAttribute("cases", cases.nearOrPastLimit(within, page, 50));
    model.addAttribute("within", within);
    model.addAttribute("ratings", ratings.summary("item".equals(by), 0, 50));
    model.addAttribute("by", by);
    model.addAttribute("today", today());
    return "workbench/supervision";
  }
}
