package org.tongban.identity.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.access.Purpose;
import org.tongban.access.Scope;
import org.tongban.identity.NewStaff;
import org.tongban.identity.Role;
import org.tongban.identity.StaffAccount;
import org.tongban.identity.StaffAccounts;
import org.tongban.organisation.OfficeId;
import org.tongban.region.RegionDirectory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.tongban.organisation.Office;
import org.tongban.organisation.OfficeKind;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;

/**
 * Administrators open staff accounts at an office: window clerks, village agents, officers, supervisors. The
 * jurisdiction follows the office — its region, and its department (a service hall or village station takes
 * in applications for every department). The password is generated and shown once; the first sign-in asks
 * for an authenticator.
 */
@Controller
class StaffPages {

  private static final Set<Role> READ_ONLY = EnumSet.of(Role.SUPERVISOR, Role.AUDITOR);
  private final StaffAccounts accounts;
  private final OrganisationDirectory organisations;
  private final org.springframework.context.MessageSource messages;

  private final RegionDirectory regions;

  StaffPages(StaffAccounts accounts, OrganisationDirectory organisations,
             org.springframework.context.MessageSource messages, RegionDirectory regions) {
    this.regions = regions;
    this.messages = messages;
    this.accounts = accounts;
    this.organisations = organisations;
  }

  /** One row of the staff list, in words: the office's name and department, not codes. */
  record Row(StaffAccount account, String office, String department) {}

  @GetMapping("/admin/staff")
  String list(@RequestParam(defaultValue = "0") int page, Model model) {
    var staff = accounts.list(page, 50);
    boolean english = LocaleContextHolder.getLocale().getLanguage().equals("en");
    var departmentNames = organisations.departments().stream().collect(java.util.stream.Collectors.toMap(
        d -> d.code(), d -> english ? d.nameEn() : d.nameZh()));
    model.addAttribute("staff", staff);
    model.addAttribute("rows", staff.items().stream().map(a -> {
      var office = a.officeId() == null ? null : organisations.find(new OfficeId(a.officeId())).orElse(null);
      return new Row(a, office == null ? "—" : office.name(),
          office == null ? "—" : departmentNames.getOrDefault(office.department(), office.department()));
    }).toList());
    model.addAttribute("departments", organisations.departments());
    model.addAttribute("roles", List.of(Role.CLERK, Role.AGENT, Role.OFFICER, Role.SUPERVISOR, Role.PLANNER,
        Role.AUDITOR, Role.ADMIN));
    return "identity/staff";
  }

  @PostMapping("/admin/staff")
  String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String region,
                @RequestParam String department, @RequestParam(defaultValue = "") List<Role> roles, Model model) {
    try {
      Office office = organisations.officeAt(department, RegionCode.of(region))
          .orElseThrow(() -> new NoOfficeThere(regions.fullName(RegionCode.of(region)),
              departmentName(department, LocaleContextHolder.getLocale().getLanguage().equals("en"))));
      String scopeDepartment = office.kind() == OfficeKind.OFFICE ? office.department() : Scope.ANY_DEPARTMENT;
      var chosen = roles.isEmpty() ? EnumSet.of(Role.CLERK) : EnumSet.copyOf(roles);
      // Supervisors and auditors look; they change nothing, so they get no capture scope.
      var write = READ_ONLY.containsAll(chosen) ? Purpose.VIEW : Purpose.CAPTURE;
      String password = accounts.createWithGeneratedPassword(new NewStaff(username.strip(), displayName.strip(),
          office.id(), chosen, Set.of(new Scope(office.region(), scopeDepartment, write),
              new Scope(office.region(), scopeDepartment, Purpose.SEARCH)), Set.of()));
      model.addAttribute("created", username.strip());
      model.addAttribute("office", office.name());
      model.addAttribute("createdRoles", chosen.stream().map(r -> messages.getMessage("staff.role." + r.name(), null,
          r.name(), LocaleContextHolder.getLocale())).collect(java.util.stream.Collectors.joining("、")));
      model.addAttribute("password", password);
    } catch (Refusal refusal) {
      model.addAttribute("chosenRegion", region);
      model.addAttribute("problem", messages.getMessage("problem." + refusal.code(), refusal.arguments(),
          refusal.code(), org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    }
    return list(0, model);
  }

  private String departmentName(String code, boolean english) {
    return organisations.departments().stream().filter(d -> d.code().equals(code)).findFirst()
        .map(d -> english ? d.nameEn() : d.nameZh()).orElse(code);
  }

  static final class NoOfficeThere extends Refusal {
    NoOfficeThere(String region, String department) {
      super("identity.no-office-there", 404, region, department);
    }
  }
}
