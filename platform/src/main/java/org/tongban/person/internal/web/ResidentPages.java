package org.tongban.person.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.audit.AuditTrail;
import org.tongban.person.NewResident;
import org.tongban.person.PersonId;
import org.tongban.person.ResidentQuery;
import org.tongban.person.Residents;
import org.tongban.person.Relatives;
import org.tongban.shared.Relation;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;
import org.tongban.shared.ResultPage;

/** Staff pages of the resident registry: search, register, view, reveal with a reason, masked export. */
@Controller
class ResidentPages {

  private final Residents residents;
  private final Relatives relatives;
  private final RegionDirectory regions;
  private final AuditTrail audit;

  ResidentPages(Residents residents, Relatives relatives, RegionDirectory regions, AuditTrail audit) {
    this.relatives = relatives;
    this.audit = audit;
    this.residents = residents;
    this.regions = regions;
  }

  @GetMapping("/residents")
  String search(@RequestParam(required = false) @Nullable String name,
                @RequestParam(required = false) @Nullable String idNumber,
                @RequestParam(required = false) @Nullable String region,
                @RequestParam(defaultValue = "0") int page, Model model) {
    var query = new ResidentQuery(name, idNumber, region);
    model.addAttribute("query", query);
    if (has(name) || has(idNumber) || has(region)) {
      try {
        model.addAttribute("results", residents.search(query, page, 20));
      } catch (Refusal refusal) {
        model.addAttribute("problem", "problem." + refusal.code());
      }
    }
    model.addAttribute("form", new NewResident("", "", "", "", ""));
    return "residents/index";
  }

  @PostMapping("/residents")
  String register(@ModelAttribute NewResident form, Model model, RedirectAttributes redirect) {
    try {
      var resident = residents.register(form);
      redirect.addFlashAttribute("registered", true);
      return "redirect:/residents/" + resident.id();
    } catch (Refusal refusal) {
      model.addAttribute("form", form);
      model.addAttribute("formProblem", "problem." + refusal.code());
      model.addAttribute("formProblemArgs", refusal.arguments());
      model.addAttribute("query", new ResidentQuery(null, null, null));
      return "residents/index";
    }
  }

  @GetMapping("/residents/{id}")
  String view(@PathVariable PersonId id, Model model) {
    var resident = residents.view(id);
    model.addAttribute("resident", resident);
    model.addAttribute("household", regions.trail(resident.householdRegion()));
    model.addAttribute("residence", regions.trail(resident.residenceRegion()));
    model.addAttribute("relatives", relatives.of(id));
    model.addAttribute("relations", Relation.values());
    return "residents/view";
  }

  /** Records a relation shown in the household register (户口簿), both ways. */
  @PostMapping("/residents/{id}/relatives")
  String recordRelative(@PathVariable PersonId id, @RequestParam String idNumber, @RequestParam Relation relation,
                        Model model, RedirectAttributes redirect) {
    try {
      var recorded = relatives.record(id, idNumber, relation);
      redirect.addFlashAttribute("done", "resident.relative.recorded");
      redirect.addFlashAttribute("doneArgs", new Object[] {recorded.person().name()});
      return "redirect:/residents/" + id;
    } catch (Refusal refusal) {
      model.addAttribute("relativeProblem", "problem." + refusal.code());
      model.addAttribute("relativeIdNumber", idNumber);
      return view(id, model);
    }
  }

  @PostMapping("/residents/{id}/id-number")
  String reveal(@PathVariable PersonId id, @RequestParam String reason, Model model) {
    try {
      model.addAttribute("revealed", residents.revealIdNumber(id, reason));
    } catch (Refusal refusal) {
      model.addAttribute("revealProblem", "problem." + refusal.code());
    }
    return view(id, model);
  }

  /** CSV of the search results (up to 10,000 rows), masked like every screen. */
  @GetMapping("/residents/export.csv")
  void export(@RequestParam(required = false) @Nullable String name,
              @RequestParam(required = false) @Nullable String idNumber,
              @RequestParam(required = false) @Nullable String region, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"residents.csv\"");
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    out.print('\uFEFF'); // so that Excel opens UTF-8 Chinese correctly
    out.println("姓名 name,公民身份号码 ID number (masked),出生日期 birth date,性别 sex,手机 phone (masked),户籍地 household,居住地 residence,生成数据 generated");
    var query = new ResidentQuery(name, idNumber, region);
    int rows = 0;
    for (int page = 0; page < 50; page++) {
      ResultPage<org.tongban.person.Resident> batch = residents.search(query, page, ResultPage.MAX_SIZE);
      rows += batch.items().size();
      for (var r : batch.items()) {
        out.println(String.join(",", csv(r.name()), r.idNumberMasked(), r.birthDate().toString(), r.sex().name(),
            r.phoneMasked() == null ? "" : r.phoneMasked(), r.householdRegion().value(), r.residenceRegion().value(),
            r.generated() ? "生成 generated" : ""));
      }
      if (!batch.hasNext()) break;
    }
    out.flush();
    // Who took which residents out of the system: the filters used (never their values: a name or an ID number is
    // personal data) and how many rows left.
    var filters = new java.util.TreeMap<String, String>();
    if (has(name)) filters.put("byName", "true");
    if (has(idNumber)) filters.put("byIdNumber", "true");
    filters.put("rows", String.valueOf(rows));
    audit.record("person.exported", "resident-search", null, has(region) ? RegionCode.of(region) : null, filters);
  }

  private static String csv(String s) {
    String safe = s.replace("\"", "\"\"");
    // Neutralise spreadsheet formulas (CSV injection).
    if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) safe = "'" + safe;
    return '"' + safe + '"';
  }

  private static boolean has(@Nullable String s) {
    return s != null && !s.isBlank();
  }
}
