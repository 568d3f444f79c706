package org.tongban.insurance.internal.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.insurance.Declarations;
import org.tongban.insurance.Enrolment;
import org.tongban.insurance.Enrolments;
import org.tongban.insurance.Insurance;
import org.tongban.person.PersonId;
import org.tongban.person.Residents;
import org.tongban.shared.Refusal;
import org.tongban.unit.UnitRefusals;

/**
 * 单位社保: for the people acting for a unit — its insured staff, 增员 and 减员, the month's wage declaration (one line
 * per employee: ID number and wage) and paying the month.
 */
@Controller
class UnitInsurancePages {

  private final Enrolments enrolments;
  private final Declarations declarations;
  private final Residents residents;
  private final MessageSource messages;

  UnitInsurancePages(Enrolments enrolments, Declarations declarations, Residents residents, MessageSource messages) {
    this.enrolments = enrolments;
    this.declarations = declarations;
    this.residents = residents;
    this.messages = messages;
  }

  /** One employee with the insurances they are enrolled in with the unit. */
  record Employee(String name, String idNumberMasked, List<Insurance> insurances, YearMonth from) {}

  @GetMapping("/my/units/insurance")
  String page(Model model) {
    List<Enrolment> open;
    try {
      open = enrolments.ofActingUnit(true);
    } catch (UnitRefusals.NotAuthorised | UnitRefusals.BeyondScope notActing) {
      return "redirect:/my/units";
    }
    var byPerson = new LinkedHashMap<java.util.UUID, List<Enrolment>>();
    open.forEach(e -> byPerson.computeIfAbsent(e.person(), p -> new ArrayList<>()).add(e));
    var employees = new ArrayList<Employee>();
    byPerson.forEach((person, list) -> residents.find(new PersonId(person)).ifPresent(r -> employees.add(new Employee(
        r.name(), r.idNumberMasked(), list.stream().map(Enrolment::insurance).sorted().toList(),
        list.stream().map(Enrolment::from).min(YearMonth::compareTo).orElseThrow()))));
    model.addAttribute("employees", employees);
    model.addAttribute("insurances", List.of(Insurance.PENSION, Insurance.MEDICAL, Insurance.UNEMPLOYMENT,
        Insurance.INJURY, Insurance.MATERNITY));
    model.addAttribute("reasons", Enrolments.EndReason.values());
    model.addAttribute("thisMonth", YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")));
    return "insurance/unit";
  }

  @PostMapping("/my/units/insurance/enrol")
  String enrol(@RequestParam(required = false) @Nullable String idNumber,
               @RequestParam(required = false) @Nullable Set<String> insurances,
               @RequestParam(required = false) @Nullable YearMonth from, RedirectAttributes redirect) {
    return act(redirect, "insurance.unit.enrolled", () -> enrolments.enrolEmployee(idNumber,
        MyInsuranceApi.parse(insurances), from));
  }

  @PostMapping("/my/units/insurance/separate")
  String separate(@RequestParam(required = false) @Nullable String idNumber,
                  @RequestParam(required = false) @Nullable YearMonth lastMonth,
                  @RequestParam(required = false) Enrolments.@Nullable EndReason reason, RedirectAttributes redirect) {
    return act(redirect, "insurance.unit.separated", () -> {
      var person = residents.lookup(new org.tongban.shared.IdNumber(idNumber == null ? "" : idNumber.strip().toUpperCase()))
          .orElseThrow(() -> new org.tongban.insurance.InsuranceRefusals.NotEnrolled("employee"));
      enrolments.endEmployment(person.id().value(), lastMonth, reason);
    });
  }

  /** Lines "身份证号,工资[,基数]" (comma, tab or space between), one employee each. */
  @PostMapping("/my/units/insurance/declare")
  String declare(@RequestParam(required = false) @Nullable YearMonth month,
                 @RequestParam(required = false) @Nullable String lines, RedirectAttributes redirect) {
    var parsed = new ArrayList<Declarations.Line>();
    for (String row : (lines == null ? "" : lines).split("\\R")) {
      if (row.isBlank()) continue;
      String[] parts = row.strip().split("[,，\\t ]+");
      parsed.add(new Declarations.Line(parts[0], parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null));
      if (parsed.size() > 5000) break;
    }
    return act(redirect, "insurance.unit.declared", () -> declarations.declare(month, parsed));
  }

  @PostMapping("/my/units/insurance/pay")
  String pay(@RequestParam(required = false) @Nullable YearMonth month, RedirectAttributes redirect) {
    try {
      var paid = declarations.pay(month);
      Outcomes.done("insurance.unit.paid", redirect, paid.entries(), String.format("%.2f", paid.contributionCents() / 100.0),
          String.format("%.2f", paid.lateFeeCents() / 100.0));
    } catch (Refusal refusal) {
      Outcomes.refused(refusal, redirect, messages);
    }
    return "redirect:/my/units/insurance";
  }

  private String act(RedirectAttributes redirect, String done, Runnable work) {
    Outcomes.attempt(redirect, messages, done, work);
    return "redirect:/my/units/insurance";
  }
}
