package org.tongban.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.StaffAccounts;
import org.tongban.shared.Refusal;

/**
 * Staff change their own password; the first sign-in with a generated password comes here before anything else
 * ({@link PasswordChangeGate}) and goes on to the page it wanted once the password is the owner's own.
 */
@Controller
class PasswordPages {

  private final StaffAccounts accounts;
  private final MessageSource messages;
  private final OnlineSessions sessions;
  private final HttpSessionRequestCache cache = new HttpSessionRequestCache();
  private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  PasswordPages(StaffAccounts accounts, MessageSource messages, OnlineSessions sessions) {
    this.accounts = accounts;
    this.messages = messages;
    this.sessions = sessions;
  }

  @GetMapping(PasswordChangeGate.PAGE)
  String page(Authentication auth, Model model) {
    model.addAttribute("required", mustChange(auth));
    return "identity/password";
  }

  @PostMapping(PasswordChangeGate.PAGE)
  String change(@RequestParam String current, @RequestParam String replacement, @RequestParam String repeat,
                Authentication auth, HttpServletRequest request, HttpServletResponse response, Model model,
                RedirectAttributes redirect) {
    boolean required = mustChange(auth);
    model.addAttribute("required", required);
    if (!(auth.getPrincipal() instanceof StaffUser)) return "redirect:/";
    if (!replacement.equals(repeat)) {
      model.addAttribute("problem", messages.getMessage("account.password.mismatch", null, LocaleContextHolder.getLocale()));
      return "identity/password";
    }
    try {
      accounts.changePassword(auth.getName(), current, replacement);
    } catch (Refusal refusal) {
      model.addAttribute("problem", messages.getMessage("problem." + refusal.code(), refusal.arguments(),
          refusal.code(), LocaleContextHolder.getLocale()));
      return "identity/password";
    }
    // Whoever else holds a session of hers (on any node) signs in again, with the new password.
    sessions.endAllOf(auth.getName(), request.getSession().getId());
    if (required) {
      var authorities = new ArrayList<GrantedAuthority>(auth.getAuthorities());
      authorities.removeIf(a -> PasswordChangeGate.AUTHORITY.equals(a.getAuthority()));
      var changed = UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(), null, authorities);
      changed.setDetails(auth.getDetails());
      var context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(changed);
      SecurityContextHolder.setContext(context);
      contexts.saveContext(context, request, response);
      var saved = cache.getRequest(request, response);
      cache.removeRequest(request, response);
      redirect.addFlashAttribute("done", "account.password.changed");
      return "redirect:" + (saved == null ? "/workbench" : saved.getRedirectUrl());
    }
    model.addAttribute("changed", true);
    return "identity/password";
  }

  private static boolean mustChange(Authentication auth) {
    return auth.getAuthorities().stream().anyMatch(a -> PasswordChangeGate.AUTHORITY.equals(a.getAuthority()));
  }
}
