package org.tongban.facility.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.tongban.booking.BookableResources;
import org.tongban.casework.ApplicationForm;
import org.tongban.casework.CaseRefusals;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
import org.tongban.catalogue.ServiceCatalogue;
import org.tongban.facility.Facility;
import org.tongban.facility.FacilityId;
import org.tongban.facility.FacilityQuery;
import org.tongban.facility.FacilityRegistry;
import org.tongban.facility.FacilityStatus;
import org.tongban.facility.FacilityTransfers;
import org.tongban.facility.FeeRule;
import org.tongban.facility.ImportMode;
import org.tongban.facility.Placements;
import org.tongban.facility.TableFormat;
import org.tongban.facility.spi.FacilityType;
import org.tongban.identity.ResidentAccounts;
import org.tongban.person.Resident;
import org.tongban.person.Residents;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.GeoPoint;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;
import tools.jackson.databind.json.JsonMapper;

/**
 * Facility pages. Residents: the finder (list and map), a facility with its free places and bookable slots, the
 * place application. Staff: facilities of their jurisdiction, the form, occupancy and waiting list, imports.
 */
@Controller
class FacilityPages {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private final FacilityRegistry registry;
  private final FacilityTransfers transfers;
  private final Placements placements;
  private final BookableResources bookings;
  private final ServiceCatalogue catalogue;
  private final ResidentAccounts accounts;
  private final Residents residents;
  private final RegionDirectory regions;
  private final JsonMapper json;
  private final org.tongban.access.Callers callers;

  FacilityPages(FacilityRegistry registry, FacilityTransfers transfers, Placements placements,
                BookableResources bookings, ServiceCatalogue catalogue, ResidentAccounts accounts, Residents residents,
                RegionDirectory regions, JsonMapper json, org.tongban.access.Callers callers) {
    this.callers = callers;
    this.registry = registry;
    this.transfers = transfers;
    this.placements = placements;
    this.bookings = bookings;
    this.catalogue = catalogue;
    this.accounts = accounts;
    this.residents = residents;
    this.regions = regions;
    this.json = json;
  }

  private @Nullable Resident me() {
    return accounts.currentPerson().flatMap(residents::find).orElse(null);
  }

  /** The finder: a signed-in resident starts with open facilities of their own county. */
  @GetMapping("/facilities")
  String finder(@RequestParam(required = false) @Nullable String type,
                @RequestParam(required = false) @Nullable String within,
                @RequestParam(required = false) @Nullable String text,
                @RequestParam(defaultValue = "false") boolean free,
                @RequestParam(required = false) @Nullable Double lon, @RequestParam(required = false) @Nullable Double lat,
                @RequestParam(defaultValue = "0") int page, Model model) {
    var resident = me();
    RegionCode area = within != null && !within.isBlank() ? regions.get(within).code()
        : resident != null ? resident.residenceRegion().atLevel(RegionLevel.COUNTY) : RegionCode.of("210102");
    GeoPoint near = lon != null && lat != null ? new GeoPoint(lon, lat) : null;
    var results = registry.search(new FacilityQuery(blankToNull(type), area, blankToNull(text), free, near,
        near == null ? 0 : 20, null), page, 20);
    model.addAttribute("types", registry.types());
    model.addAttribute("type", type);
    model.addAttribute("area", regions.get(area));
    model.addAttribute("trail", regions.trail(area));
    model.addAttribute("text", text);
    model.addAttribute("free", free);
    model.addAttribute("near", near);
    model.addAttribute("results", results);
    model.addAttribute("markers", json.writeValueAsString(markers(results.items())));
    model.addAttribute("boundaryRegion", area.level() == RegionLevel.TOWNSHIP || area.level() == RegionLevel.VILLAGE
        ? area.atLevel(RegionLevel.COUNTY).value() : area.value());
    var base = new StringBuilder("/facilities?within=").append(area.value()).append("&free=").append(free);
    if (type != null) base.append("&type=").append(org.springframework.web.util.UriUtils.encode(type, "UTF-8"));
    if (text != null) base.append("&text=").append(org.springframework.web.util.UriUtils.encode(text, "UTF-8"));
    model.addAttribute("base", base.toString());
    return "facilities/index";
  }

  private static List<Map<String, Object>> markers(List<Facility> facilities) {
    var markers = new ArrayList<Map<String, Object>>();
    for (Facility f : facilities) {
      if (f.location() == null) continue;
      var m = new LinkedHashMap<String, Object>();
      m.put("id", f.id().toString());
      m.put("name", f.name());
      m.put("type", f.typeName());
      m.put("lon", f.location().lon());
      m.put("lat", f.location().lat());
      if (f.free() != null) m.put("free", f.free());
      markers.add(m);
    }
    return markers;
  }

  @GetMapping("/facilities/{id}")
  String facility(@PathVariable UUID id, @RequestParam(required = false) @Nullable LocalDate day, Model model) {
    var f = registry.view(new FacilityId(id));
    var type = registry.type(f.type());
    var shown = day == null ? LocalDate.now(CHINA).plusDays(1) : day;
    model.addAttribute("f", f);
    model.addAttribute("type", type);
    model.addAttribute("trail", regions.trail(f.region()));
    model.addAttribute("day", shown);
    var resources = bookings.resourcesOf(id).stream()
        .map(r -> Map.of("resource", r, "slots", bookings.slots(r.id(), shown))).toList();
    model.addAttribute("resources", resources);
    var placementItem = type.placementItemFor(f.attributes());
    model.addAttribute("item", placementItem == null ? null : catalogue.currentOrRefuse(placementItem));
    model.addAttribute("markers", json.writeValueAsString(markers(List.of(f))));
    model.addAttribute("boundaryRegion", f.region().atLevel(RegionLevel.COUNTY).value());
    return "facilities/facility";
  }

  @GetMapping("/facilities/{id}/apply")
  String applyForm(@PathVariable UUID id, Model model) {
    var f = registry.view(new FacilityId(id));
    var type = registry.type(f.type());
    var placementItem = type.placementItemFor(f.attributes());
    if (placementItem == null) throw new Placements.NoPlacesHere(f.name());
    var item = catalogue.currentOrRefuse(placementItem);
    fill(model, f, type, item, ApplicationForm.fields(item.spec().form(), me(), Map.of(), accounts.currentPhone().orElse(null)), UUID.randomUUID().toString(),
        Set.of());
    return "facilities/apply";
  }

  @PostMapping("/facilities/{id}/apply")
  String apply(@PathVariable UUID id, @RequestParam Map<String, String> params,
               @RequestParam(name = "priority", required = false) @Nullable List<String> priorities, Model model) {
    var f = registry.view(new FacilityId(id));
    var type = registry.type(f.type());
    var placementItem = type.placementItemFor(f.attributes());
    if (placementItem == null) throw new Placements.NoPlacesHere(f.name());
    var item = catalogue.currentOrRefuse(placementItem);
    var resident = me();
    if (resident == null) throw new Placements.NotAResident();
    var chosen = priorities == null ? Set.<String>of() : Set.copyOf(priorities);
    try {
      // At a self-service terminal the platform signed, the place is applied for there (KIOSK), else on the web.
      var channel = callers.current().kiosk() != null ? Channel.KIOSK : Channel.WEB;
      var placement = placements.apply(f.id(), new NewApplication(item.code(), resident.id(), channel,
          RegionBasis.RESIDENCE, null, ApplicationForm.read(item.spec().form(), params, json), params.get("submission"),
          null), chosen);
      return "redirect:/my/cases/" + placement.caseId() + "?submitted";
    } catch (CaseRefusals.InvalidApplication e) {
      fill(model, f, type, item, ApplicationForm.fields(item.spec().form(), resident, params, accounts.currentPhone().orElse(null)), params.get("submission"),
          chosen);
      model.addAttribute("problems", e.problems());
      return "facilities/apply";
    }
  }

  private static void fill(Model model, Facility f, FacilityType type, Object item, List<ApplicationForm.Field> fields,
                           @Nullable String submission, Set<String> chosen) {
    model.addAttribute("f", f);
    model.addAttribute("type", type);
    model.addAttribute("item", item);
    model.addAttribute("fields", fields);
    model.addAttribute("submission", submission);
    model.addAttribute("chosen", chosen);
  }

  @GetMapping("/my/places")
  String myPlaces(Model model) {
    model.addAttribute("placements", placements.mine());
    return "facilities/my-places";
  }

  // Staff ----------------------------------------------------------------------------------------------------

  @GetMapping("/workbench/facilities")
  String managed(@RequestParam(required = false) @Nullable String type,
                 @RequestParam(required = false) @Nullable String within,
                 @RequestParam(required = false) @Nullable String text,
                 @RequestParam(required = false) @Nullable FacilityStatus status,
                 @RequestParam(defaultValue = "0") int page, Model model) {
    var area = within == null || within.isBlank() ? null : regions.get(within).code();
    model.addAttribute("results", registry.manage(new FacilityQuery(blankToNull(type), area, blankToNull(text), false,
        null, 0, status), page, 20));
    model.addAttribute("types", registry.types());
    model.addAttribute("type", type);
    model.addAttribute("within", within);
    model.addAttribute("text", text);
    model.addAttribute("status", status);
    model.addAttribute("statuses", FacilityStatus.values());
    return "facilities/managed";
  }

  @GetMapping("/workbench/facilities/new")
  String newForm(@RequestParam(defaultValue = "childcare.kindergarten") String type, Model model) {
    formModel(model, registry.type(type), null, Map.of("since", LocalDate.now(CHINA).toString(), "status", "OPEN",
        "fee", "FREE", "crs", "WGS84"), List.of());
    return "facilities/form";
  }

  @PostMapping("/workbench/facilities/new")
  String create(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
    var type = registry.type(params.getOrDefault("type", ""));
    try {
      var f = registry.register(FacilityForm.draft(type, params));
      return "redirect:/workbench/facilities/" + f.id() + "?saved";
    } catch (FacilityRegistry.InvalidFacility | FacilityForm.Unreadable e) {
      // The form again with every problem marked, as 400: nothing was saved.
      response.setStatus(400);
      formModel(model, type, null, params, e.problems());
      return "facilities/form";
    }
  }

  @GetMapping("/workbench/facilities/{id}")
  String manage(@PathVariable UUID id, Model model) {
    var f = registry.managed(new FacilityId(id));
    var type = registry.type(f.type());
    model.addAttribute("f", f);
    model.addAttribute("type", type);
    model.addAttribute("waiting", type.placementItem() == null ? null : placements.waitingList(f.id(), 0, 50));
    formModel(model, type, f, FacilityForm.values(f, type), List.of());
    return "facilities/manage";
  }

  @PostMapping("/workbench/facilities/{id}")
  String change(@PathVariable UUID id, @RequestParam Map<String, String> params, @RequestParam int version,
                Model model, HttpServletResponse response) {
    var f = registry.managed(new FacilityId(id));
    var type = registry.type(f.type());
    try {
      registry.change(f.id(), FacilityForm.draft(type, params), version);
      return "redirect:/workbench/facilities/" + id + "?saved";
    } catch (FacilityRegistry.InvalidFacility | FacilityForm.Unreadable e) {
      response.setStatus(400);
      return manageWithProblems(model, f, type, params, e.problems());
    }
  }

  private String manageWithProblems(Model model, Facility f, FacilityType type, Map<String, String> params,
                                    List<FieldProblem> problems) {
    model.addAttribute("f", f);
    model.addAttribute("type", type);
    model.addAttribute("waiting", type.placementItem() == null ? null : placements.waitingList(f.id(), 0, 50));
    formModel(model, type, f, params, problems);
    return "facilities/manage";
  }

  @PostMapping("/workbench/facilities/{id}/release")
  String release(@PathVariable UUID id) {
    registry.release(new FacilityId(id));
    return "redirect:/workbench/facilities/" + id + "?released";
  }

  private void formModel(Model model, FacilityType type, @Nullable Facility f, Map<String, String> values,
                         List<FieldProblem> problems) {
    model.addAttribute("formType", type);
    model.addAttribute("types", registry.types());
    model.addAttribute("values", values);
    model.addAttribute("problems", problems);
    model.addAttribute("statuses", FacilityStatus.values());
    model.addAttribute("fees", FeeRule.values());
    model.addAttribute("editing", f);
  }

  @GetMapping("/workbench/facilities/import")
  String importForm(Model model) {
    model.addAttribute("columns", transfers.columns());
    return "facilities/import";
  }

  @PostMapping("/workbench/facilities/import")
  String importFile(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                    Model model) throws IOException {
    String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase();
    var format = name.endsWith(".csv") ? TableFormat.CSV : TableFormat.XLSX;
    try (var in = file.getInputStream()) {
      model.addAttribute("report", FacilityApi.importStream(transfers, in, format, mode));
    }
    model.addAttribute("mode", mode);
    model.addAttribute("columns", transfers.columns());
    return "facilities/import";
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
