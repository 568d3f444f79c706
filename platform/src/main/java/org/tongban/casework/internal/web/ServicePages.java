package org.tongban.casework.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.access.Callers;
import org.tongban.casework.ApplicationForm;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseId;
import org.tongban.casework.CaseQueries;
import org.tongban.casework.CaseRefusals;
import org.tongban.casework.Casework;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.Ratings;
import org.tongban.casework.RegionBasis;
import org.tongban.casework.internal.CaseMaterials;
import org.tongban.casework.internal.Drafts;
import org.tongban.catalogue.ItemVersion;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.identity.ResidentAccounts;
import org.tongban.person.Resident;
import org.tongban.person.Relative;
import org.tongban.person.Relatives;
import org.tongban.person.Residents;
import org.tongban.shared.FieldProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Residents' pages: the catalogue and its guides (public), applying with a prefilled form, my cases with the
 * timeline, materials, results, withdrawal and rating; and the public certificate check.
 */
@Controller
class ServicePages {

  private final ServiceCatalogue catalogue;
  private final Casework casework;
  private final Applications applications;
  private final CaseQueries cases;
  private final Ratings ratings;
  private final ResidentAccounts accounts;
  private final Residents residents;
  private final Relatives relatives;
  private final JsonMapper json;
  private final CaseMaterials materials;
  private final Drafts drafts;
  private final Callers callers;

  ServicePages(ServiceCatalogue catalogue, Casework casework, Applications applications, CaseQueries cases, Ratings ratings,
               ResidentAccounts accounts, Residents residents, Relatives relatives, JsonMapper json,
               CaseMaterials materials, Drafts drafts, Callers callers) {
    this.relatives = relatives;
    this.materials = materials;
    this.drafts = drafts;
    this.callers = callers;
    this.catalogue = catalogue;
    this.casework = casework;
    this.applications = applications;
    this.cases = cases;
    this.ratings = ratings;
    this.accounts = accounts;
    this.residents = residents;
    this.json = json;
  }

  /** At a self-service terminal the platform signed, the terminal; otherwise the web. */
  private Channel channel() {
    return callers.current().kiosk() != null ? Channel.KIOSK : Channel.WEB;
  }

  private @Nullable Resident me() {
    return accounts.currentPerson().flatMap(residents::find).orElse(null);
  }

  @GetMapping("/services")
  String services(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
                  Model model) {
    var resident = me();
    var results = catalogue.search(q, resident == null ? null : resident.residenceRegion(), page, 20);
    model.addAttribute("q", q);
    model.addAttribute("results", results);
    model.addAttribute("lifeEvents", q == null || q.isBlank() ? catalogue.lifeEvents() : catalogue.searchLifeEvents(q));
    model.addAttribute("region", resident == null ? null : resident.residenceRegion().value());
    return "services/index";
  }

  @GetMapping("/services/{code}")
  String guide(@PathVariable String code, Model model) {
    model.addAttribute("item", catalogue.currentOrRefuse(code));
    return "services/item";
  }

  @GetMapping("/services/{code}/apply")
  String applyForm(@PathVariable String code, @RequestParam(name = "for", required = false) @Nullable String forWhom,
                   Model model) {
    var item = catalogue.currentOrRefuse(code);
    var draft = drafts.find(callers.current().name(), code);
    model.addAttribute("draft", !draft.isEmpty());
    return applyPage(model, item, me(), draft, null, forWhom != null ? forWhom : draft.get("for"));
  }

  /**
   * 为家人申请: the relatives the item may be applied for (as the registry records them), and the one chosen by
   * {@code for} — only ever one of those; anything else is the resident themselves.
   */
  private @Nullable Resident family(Model model, ItemVersion item, @Nullable Resident resident, @Nullable String forWhom) {
    var allowed = item.spec().forRelatives();
    var family = resident == null || allowed.isEmpty() ? List.<Relative>of()
        : relatives.of(resident.id()).stream().filter(r -> allowed.contains(r.relation())).toList();
    var subject = family.stream().map(Relative::person).filter(p -> p.id().toString().equals(forWhom)).findFirst()
        .orElse(null);
    model.addAttribute("family", family);
    model.addAttribute("subject", subject);
    return subject;
  }

  /**
   * Files the application, or keeps it as a draft: when asked ({@code step=draft}), when the account is not linked to
   * the registry yet, and when the form has problems. A typed form is never lost.
   */
  @PostMapping("/services/{code}/apply")
  String apply(@PathVariable String code, @RequestParam Map<String, String> params, Model model,
               HttpServletResponse response) {
    var item = catalogue.currentOrRefuse(code);
    var resident = me();
    String owner = callers.current().name();
    if ("draft".equals(params.get("step")) || resident == null) {
      drafts.save(owner, code, params);
      model.addAttribute("saved", true);
      if (resident == null) {
        response.setStatus(409);
        model.addAttribute("problems", List.of(FieldProblem.of("account", "not-in-registry")));
      }
      return applyPage(model, item, resident, params, params.get("submission"), params.get("for"));
    }
    JsonNode form = ApplicationForm.read(item.spec().form(), params, json);
    var subject = family(model, item, resident, params.get("for"));
    try {
      var c = applications.apply(new NewApplication(code, resident.id(), channel(), RegionBasis.RESIDENCE, null, form,
          params.get("submission"), null, subject == null ? null : subject.id()));
      drafts.remove(owner, code);
      return "redirect:/my/cases/" + c.id() + "?submitted";
    } catch (CaseRefusals.InvalidApplication e) {
      drafts.save(owner, code, params);
      response.setStatus(400);
      model.addAttribute("problems", e.problems());
      return applyPage(model, item, resident, params, params.get("submission"), params.get("for"));
    }
  }

  private String applyPage(Model model, ItemVersion item, @Nullable Resident resident, Map<String, String> params,
                           @Nullable String submission, @Nullable String forWhom) {
    var subject = family(model, item, resident, forWhom);
    model.addAttribute("item", item);
    model.addAttribute("fields", ApplicationForm.fields(item.spec().form(), resident, params,
        accounts.currentPhone().orElse(null), subject, callers.current().actingUnit()));
    model.addAttribute("submission", submission == null ? UUID.randomUUID().toString() : submission);
    return "services/apply";
  }

  /** 一件事: one form and one set of materials for a life event; one case per item on submit. */
  @GetMapping("/services/life-events/{code}/apply")
  String lifeEventForm(@PathVariable String code, Model model) {
    var combined = catalogue.combinedForm(catalogue.lifeEvent(code));
    var draft = drafts.find(callers.current().name(), "life-event:" + code);
    model.addAttribute("combined", combined);
    model.addAttribute("fields", ApplicationForm.fields(combined.schema(), me(), draft, accounts.currentPhone().orElse(null)));
    model.addAttribute("draft", !draft.isEmpty());
    model.addAttribute("submission", UUID.randomUUID().toString());
    return "services/life-event";
  }

  /** As for one item: filed, or kept as a draft when asked, when the account is not linked, or on problems. */
  @PostMapping("/services/life-events/{code}/apply")
  String applyForLifeEvent(@PathVariable String code, @RequestParam Map<String, String> params, Model model,
                           HttpServletResponse response) {
    var combined = catalogue.combinedForm(catalogue.lifeEvent(code));
    var resident = me();
    String owner = callers.current().name();
    String key = "life-event:" + code;
    model.addAttribute("combined", combined);
    model.addAttribute("submission", params.get("submission"));
    if ("draft".equals(params.get("step")) || resident == null) {
      drafts.save(owner, key, params);
      model.addAttribute("saved", true);
      if (resident == null) {
        response.setStatus(409);
        model.addAttribute("problems", List.of(FieldProblem.of("account", "not-in-registry")));
      }
      model.addAttribute("fields", ApplicationForm.fields(combined.schema(), resident, params, accounts.currentPhone().orElse(null)));
      return "services/life-event";
    }
    JsonNode form = ApplicationForm.read(combined.schema(), params, json);
    try {
      var filed = applications.applyForLifeEvent(code, new NewApplication(code, resident.id(), channel(),
          RegionBasis.RESIDENCE, null, form, params.get("submission"), null));
      drafts.remove(owner, key);
      return "redirect:/my/cases/" + filed.getFirst().id() + "?submitted";
    } catch (CaseRefusals.InvalidApplication e) {
      drafts.save(owner, key, params);
      response.setStatus(400);
      model.addAttribute("fields", ApplicationForm.fields(combined.schema(), resident, params, accounts.currentPhone().orElse(null)));
      model.addAttribute("problems", e.problems());
      return "services/life-event";
    }
  }

  @GetMapping("/my/cases")
  String myCases(@RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("cases", cases.myCases(page, 20));
    model.addAttribute("today", LocalDate.now(ZoneId.of("Asia/Shanghai")));
    return "services/my-cases";
  }

  @GetMapping("/my/cases/{id}")
  String myCase(@PathVariable CaseId id, Model model) {
    var c = cases.view(id);
    model.addAttribute("c", c);
    model.addAttribute("deadline", c.deadline(LocalDate.now(ZoneId.of("Asia/Shanghai"))));
    model.addAttribute("materialBase", "/my/cases/" + id + "/materials");
    model.addAttribute("timeline", cases.timeline(id));
    model.addAttribute("materials", cases.materials(id));
    model.addAttribute("results", cases.results(id));
    model.addAttribute("rating", ratings.ofCase(id).orElse(null));
    model.addAttribute("levels", Ratings.LEVELS);
    model.addAttribute("together", cases.bundle(c.bundle()).stream().filter(b -> !b.id().equals(c.id())).toList());
    model.addAttribute("uploadable", materials.uploadable(c, catalogue.version(c.item(), c.itemVersion()).spec()));
    return "services/my-case";
  }

  @PostMapping("/my/cases/{id}/materials")
  String upload(@PathVariable CaseId id, @RequestParam String code, @RequestParam("file") MultipartFile file,
                RedirectAttributes flash) throws java.io.IOException {
    var added = casework.attach(id, code, file.getContentType(), file.getBytes());
    flash.addFlashAttribute("uploaded", added.name());
    return "redirect:/my/cases/" + id;
  }

  @GetMapping("/my/cases/{id}/materials/{material}")
  ResponseEntity<byte[]> material(@PathVariable CaseId id, @PathVariable UUID material) {
    return MaterialDownload.of(cases.material(id, material));
  }

  @PostMapping("/my/cases/{id}/supplied")
  String supplied(@PathVariable CaseId id, @RequestParam(required = false) @Nullable String note) {
    casework.supplied(id, note);
    return "redirect:/my/cases/" + id;
  }

  @PostMapping("/my/cases/{id}/withdraw")
  String withdraw(@PathVariable CaseId id, @RequestParam String reason) {
    casework.withdraw(id, reason);
    return "redirect:/my/cases/" + id;
  }

  @PostMapping("/my/cases/{id}/rating")
  String rate(@PathVariable CaseId id, @RequestParam int efficiency, @RequestParam int guide,
              @RequestParam int convenience, @RequestParam int operability, @RequestParam int overall,
              @RequestParam(required = false) @Nullable String comment) {
    ratings.rate(id, new Ratings.Scores(efficiency, guide, convenience, operability, overall, comment));
    return "redirect:/my/cases/" + id + "?rated";
  }

  @GetMapping("/my/cases/{id}/results/{code}")
  ResponseEntity<byte[]> result(@PathVariable CaseId id, @PathVariable String code) {
    return ResponseEntity.ok()
        .header("Content-Disposition", ContentDisposition.attachment().filename(code + ".pdf").build().toString())
        .contentType(MediaType.APPLICATION_PDF).body(cases.resultFile(id, code));
  }

  @GetMapping("/verify")
  String verifyForm(@RequestParam(required = false) @Nullable String code) {
    return code == null || code.isBlank() ? "services/verify" : "redirect:/verify/" + code.strip().toUpperCase()
        .replaceAll("[^A-Z0-9]", "");
  }

  @GetMapping("/verify/{code}")
  String verify(@PathVariable String code, Model model) {
    model.addAttribute("code", code);
    model.addAttribute("certificate", cases.verify(code).orElse(null));
    return "services/verify";
  }
}
