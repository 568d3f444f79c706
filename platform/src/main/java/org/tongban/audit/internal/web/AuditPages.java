package org.tongban.audit.internal.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.audit.AuditTrail;

/** The audit log page: search it and verify the chain. */
@Controller
class AuditPages {

  private final AuditTrail audit;

  AuditPages(AuditTrail audit) {
    this.audit = audit;
  }

  @GetMapping("/audit")
  String page(@RequestParam(required = false) @Nullable String actor,
              @RequestParam(required = false) @Nullable String action,
              @RequestParam(required = false) @Nullable String targetId,
              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
              @RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("entries", audit.search(AuditApi.query(actor, action, targetId, from, to), page, 50));
    model.addAttribute("actor", actor);
    model.addAttribute("action", action);
    model.addAttribute("targetId", targetId);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    return "audit/index";
  }

  @PostMapping("/audit/verify")
  String verifyPage(Model model) {
    model.addAttribute("verification", audit.verify());
    return page(null, null, null, null, null, 0, model);
  }

}
