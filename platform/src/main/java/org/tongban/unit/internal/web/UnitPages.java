package org.tongban.unit.internal.web;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.shared.ActingUnit;
import org.tongban.shared.Refusal;
import org.tongban.unit.AgentScope;
import org.tongban.unit.Industry;
import org.tongban.unit.NewUnit;
import org.tongban.unit.UnitAgents;
import org.tongban.unit.UnitKind;
import org.tongban.unit.UnitSize;
import org.tongban.unit.Units;

/**
 * Pages of units: the window registers a unit from its licence and looks units up (workbench); a person sees the units
 * they may act for, authorises agents for the units they represent, and chooses whom they act for (我的单位).
 */
@Controller
class UnitPages {

  private final Units units;
  private final UnitAgents agents;

  UnitPages(Units units, UnitAgents agents) {
    this.units = units;
    this.agents = agents;
  }

  private void choices(Model model) {
    model.addAttribute("kinds", UnitKind.values());
    model.addAttribute("sizes", UnitSize.values());
    model.addAttribute("sections", Industry.sections());
  }

  @GetMapping("/workbench/units")
  String index(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
               Model model) {
    model.addAttribute("q", q);
    model.addAttribute("results", units.search(q, page, 20));
    if (!model.containsAttribute("form")) model.addAttribute("form", new NewUnit(null, null, null, null, null, null, null));
    choices(model);
    return "units/index";
  }

  @PostMapping("/workbench/units")
  String register(NewUnit form, Model model, RedirectAttributes redirect) {
    try {
      var unit = units.register(form);
      redirect.addFlashAttribute("done", "unit.registered");
      return "redirect:/workbench/units/" + unit.id();
    } catch (Refusal refusal) {
      model.addAttribute("form", form);
      model.addAttribute("problem", "problem." + refusal.code());
      model.addAttribute("problemArgs", refusal.arguments());
      return index(null, 0, model);
    }
  }

  @GetMapping("/workbench/units/{id}")
  String view(@PathVariable UUID id, Model model) {
    model.addAttribute("unit", units.view(id));
    model.addAttribute("agents", agents.agents(id));
    return "units/view";
  }

  @GetMapping("/my/units")
  String mine(Model model) {
    var mine = agents.mine();
    model.addAttribute("mine", mine);
    model.addAttribute("agentsOf", mine.stream().filter(m -> m.legalRepresentative())
        .collect(java.util.stream.Collectors.toMap(m -> m.unit().id(), m -> agents.agents(m.unit().id()))));
    model.addAttribute("scopes", AgentScope.values());
    model.addAttribute("today", LocalDate.now(ZoneId.of("Asia/Shanghai")));
    return "units/mine";
  }

  /** Act for a unit from now on (checked on every request), or as oneself again (no unit). */
  @PostMapping("/my/units/act")
  String act(@RequestParam(required = false) @Nullable UUID unit, HttpSession session, RedirectAttributes redirect) {
    if (unit == null) {
      session.removeAttribute(ActingUnit.SESSION_KEY);
      redirect.addFlashAttribute("done", "unit.acting.self");
      return "redirect:/my/units";
    }
    var acting = agents.actingAs(unit);
    session.setAttribute(ActingUnit.SESSION_KEY, acting.id());
    redirect.addFlashAttribute("done", "unit.acting.now");
    redirect.addFlashAttribute("doneArgs", new Object[] {acting.name()});
    return "redirect:/my/units";
  }

  @PostMapping("/my/units/{id}/agents")
  String grant(@PathVariable UUID id, @RequestParam String idNumber,
               @RequestParam(name = "scope", required = false) @Nullable List<AgentScope> scope,
               @RequestParam(required = false) @Nullable LocalDate validUntil, RedirectAttributes redirect) {
    try {
      var agent = agents.grant(id, idNumber, scope == null ? EnumSet.noneOf(AgentScope.class) : EnumSet.copyOf(scope),
          validUntil);
      redirect.addFlashAttribute("done", "unit.agent.granted");
      redirect.addFlashAttribute("doneArgs", new Object[] {agent.personName()});
    } catch (Refusal refusal) {
      if (refusal instanceof org.tongban.unit.UnitRefusals.UnitNotFound) throw refusal;
      redirect.addFlashAttribute("problem", "problem." + refusal.code());
      redirect.addFlashAttribute("problemUnit", id);
    }
    return "redirect:/my/units";
  }

  @PostMapping("/my/units/{id}/agents/{agent}/revoke")
  String revoke(@PathVariable UUID id, @PathVariable UUID agent, RedirectAttributes redirect) {
    agents.revoke(id, agent);
    redirect.addFlashAttribute("done", "unit.agent.revoked");
    return "redirect:/my/units";
  }
}
