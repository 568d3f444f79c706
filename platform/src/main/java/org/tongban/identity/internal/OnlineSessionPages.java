package org.tongban.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' "online users" page (在线用户) with 踢下线, and anyone's "sign out on every device". */
@Controller
class OnlineSessionPages {

  private final OnlineSessions sessions;

  OnlineSessionPages(OnlineSessions sessions) {
    this.sessions = sessions;
  }

  @GetMapping("/admin/sessions")
  String list(Model model) {
    model.addAttribute("sessions", sessions.list());
    return "identity/sessions";
  }

  @PostMapping("/admin/sessions/{handle}/end")
  String end(@PathVariable String handle, RedirectAttributes redirect) {
    if (!handle.matches("[0-9a-f]{16}")) throw new SessionNotFound();
    if (!sessions.end(handle)) throw new SessionNotFound();
    redirect.addFlashAttribute("ended", handle);
    return "redirect:/admin/sessions";
  }

  /** 所有设备退出: this session and every other of the signed-in person, on every node. */
  @PostMapping("/logout/everywhere")
  String everywhere(Authentication auth, HttpServletRequest request) {
    sessions.endAllOf(auth.getName(), null); // while she is still the one signed in, for the audit trail
    var current = request.getSession(false);
    if (current != null) current.invalidate();
    SecurityContextHolder.clearContext();
    return "redirect:/?signedOut";
  }

  static final class SessionNotFound extends org.tongban.shared.Refusal {
    SessionNotFound() {
      super("identity.session-not-found", 404);
    }
  }
}
