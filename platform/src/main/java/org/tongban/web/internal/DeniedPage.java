package org.tongban.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What a signed-in person sees on a page their roles do not open (403): which area it is, who may use it and whom
 * to ask — not a bare error. Security forwards refused page requests here.
 */
@Controller
class DeniedPage {

  @RequestMapping("/denied")
  String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    Object uri = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
    String path = uri == null ? "" : uri.toString();
    String area = path.startsWith("/supervision") ? "supervision"
        : path.startsWith("/admin") ? "admin"
        : path.startsWith("/audit") ? "audit"
        : path.startsWith("/planning") ? "planning"
        : path.startsWith("/my") ? "resident"
        : "staff";
    model.addAttribute("area", area);
    return "denied";
  }
}
