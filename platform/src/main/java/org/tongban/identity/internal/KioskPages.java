package org.tongban.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.access.Callers;
import org.tongban.shared.PageModel;

/**
 * Staff set a device up as a terminal of their office (and turn it off); every page of a terminal knows it is one,
 * and its sessions end after a few minutes without use.
 */
@Controller
class KioskPages implements PageModel {

  private final KioskTerminals terminals;
  private final Callers callers;

  KioskPages(KioskTerminals terminals, Callers callers) {
    this.terminals = terminals;
    this.callers = callers;
  }

  /** Every page of a terminal: its idle timer, and a session that ends after a few minutes without use. */
  @Override
  public void addTo(HttpServletRequest request, ModelAndView page) {
    if (terminals.officeOf(request) == null) return;
    page.addObject("kiosk", true);
    page.addObject("kioskIdleSeconds", KioskTerminals.IDLE_SECONDS);
    var session = request.getSession(false);
    if (session != null) session.setMaxInactiveInterval(KioskTerminals.IDLE_SECONDS);
  }

  @GetMapping("/workbench/kiosk")
  String page(HttpServletRequest request, Model model) {
    model.addAttribute("enabled", terminals.officeOf(request) != null);
    return "identity/kiosk";
  }

  /** Makes this device a self-service terminal of the staff member's office, or turns that off. */
  @PostMapping("/workbench/kiosk")
  String set(@RequestParam boolean on, HttpServletResponse response, RedirectAttributes redirect) {
    String office = callers.current().office();
    if (on && office == null) {
      redirect.addFlashAttribute("done", "kiosk.no-office");
      return "redirect:/workbench/kiosk";
    }
    response.addHeader(HttpHeaders.SET_COOKIE, (on ? terminals.enable(office) : terminals.disable()).toString());
    redirect.addFlashAttribute("done", on ? "kiosk.enabled" : "kiosk.disabled");
    return "redirect:/workbench/kiosk";
  }
}
