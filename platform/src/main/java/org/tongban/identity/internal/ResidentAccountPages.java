package org.tongban.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.identity.ResidentAccounts;
import org.tongban.identity.ResidentRegistration;
import org.tongban.identity.SmsGateway;
import org.tongban.audit.AuditTrail;
import java.util.Map;
import org.tongban.shared.PhoneNumber;
import org.tongban.shared.Refusal;

/**
 * Residents' pages of one login: register with real-name factors, sign in with an SMS code instead of a
 * password, reset a password; a window clerk registering a resident on the spot (帮办); the administrators'
 * SMS outbox in embedded mode.
 */
@Controller
class ResidentAccountPages {

  private final ResidentAccounts accounts;
  private final StaffUserDetailsService users;
  private final LoginLog log;
  private final JdbcClient jdbc;
  private final SmsGateway sms;
  private final AccountLinks links;
  private final AuditTrail audit;
  private final OnlineSessions sessions;
  private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  ResidentAccountPages(ResidentAccounts accounts, StaffUserDetailsService users, LoginLog log,
                       JdbcClient jdbc, SmsGateway sms, AuditTrail audit, AccountLinks links, OnlineSessions sessions) {
    this.links = links;
    this.sessions = sessions;
    this.sms = sms;
    this.audit = audit;
    this.accounts = accounts;
    this.users = users;
    this.log = log;
    this.jdbc = jdbc;
  }

  @GetMapping("/register")
  String registerForm(Model model) {
    model.addAttribute("form", new ResidentRegistration("", "", "", "", ""));
    return "identity/register";
  }

  @PostMapping("/register")
  String register(@ModelAttribute ResidentRegistration form, @RequestParam(defaultValue = "register") String step,
                  Model model) {
    return registration(form, step, null, model, "redirect:/login?registered");
  }

  /** After registering with an ID number the registry lacks: what happens now, and what to do. */
  @GetMapping("/register/next")
  String unlinked() {
    return "identity/registered-unlinked";
  }

  @GetMapping("/residents/accounts/new")
  String windowRegisterForm(Model model) {
    model.addAttribute("form", new ResidentRegistration("", "", "", "", ""));
    model.addAttribute("window", true);
    return "identity/register";
  }

  /** 帮办: a clerk opens the account; the resident proves the phone by reading out the SMS code. */
  @PostMapping("/residents/accounts/new")
  String windowRegister(@ModelAttribute ResidentRegistration form, @RequestParam(defaultValue = "register") String step,
                        Authentication clerk, Model model) {
    model.addAttribute("window", true);
    return registration(form, step, clerk.getName(), model, "identity/registered-at-window");
  }

  private String registration(ResidentRegistration form, String step, String clerk, Model model, String done) {
    model.addAttribute("form", new ResidentRegistration(form.name(), form.idNumber(), form.phone(), "", ""));
    try {
      if (step.equals("send-code")) {
        accounts.sendCode(form.phone(), "register");
        model.addAttribute("codeSent", true);
        return "identity/register";
      }
      var registered = accounts.register(form, clerk);
      if (!registered.linked()) {
        model.addAttribute("unlinked", true);
        return clerk == null ? "redirect:/register/next" : done;
      }
      return done;
    } catch (Refusal refusal) {
      model.addAttribute("problem", "problem." + refusal.code());
      return "identity/register";
    }
  }

  @GetMapping("/login/sms")
  String smsForm() {
    return "identity/sms-login";
  }

  @PostMapping("/login/sms")
  String sms(@RequestParam String phone, @RequestParam(required = false) String code,
             @RequestParam(defaultValue = "sign-in") String step, HttpServletRequest request,
             HttpServletResponse response, Model model) {
    model.addAttribute("phone", phone);
    try {
      var number = new PhoneNumber(phone);
      if (step.equals("send-code")) {
        accounts.sendCode(phone, "sign-in");
        model.addAttribute("codeSent", true);
        return "identity/sms-login";
      }
      var user = users.resident(number);
      if (!user.isAccountNonLocked() || !users.useSignInCode(number, code)) {
        log.failed(phone, request.getRemoteAddr(), "SmsCodeWrong");
        model.addAttribute("problem", "problem.identity.resident.sms-code");
        return "identity/sms-login";
      }
      signIn(user, request, response);
      log.succeeded(user.getUsername(), request.getRemoteAddr(), "sms");
      links.link(user.account());
      return "redirect:/";
    } catch (Refusal refusal) {
      model.addAttribute("problem", "problem." + refusal.code());
      return "identity/sms-login";
    } catch (org.springframework.security.core.userdetails.UsernameNotFoundException unknown) {
      model.addAttribute("problem", "problem.identity.resident.sms-code");
      return "identity/sms-login";
    }
  }

  @GetMapping("/login/reset")
  String resetForm() {
    return "identity/reset";
  }

  @PostMapping("/login/reset")
  String reset(@RequestParam String phone, @RequestParam(required = false) String code,
               @RequestParam(required = false) String password, @RequestParam(defaultValue = "reset") String step,
               Model model) {
    model.addAttribute("phone", phone);
    try {
      if (step.equals("send-code")) {
        accounts.sendCode(phone, "reset");
        model.addAttribute("codeSent", true);
        return "identity/reset";
      }
      var account = accounts.resetPassword(phone, code, password);
      // Whoever knew the old password is signed out wherever they are (a reset often follows a lost phone or a
      // password someone else learnt); the person signs in again with the new one.
      sessions.endAllOf(ResidentUser.PREFIX + account, null);
      return "redirect:/login?reset";
    } catch (Refusal refusal) {
      model.addAttribute("problem", "problem." + refusal.code());
      return "identity/reset";
    }
  }

  /**
   * The embedded outbox (no SMS leaves the machine): only where the outbox gateway is in use; reading it is audited,
   * since it holds live codes.
   */
  @GetMapping("/admin/sms")
  String outbox(Model model) {
    if (!(sms instanceof OutboxSmsGateway)) throw new OutboxNotInUse();
    model.addAttribute("messages", jdbc.sql("select phone_masked, text, sent_at from identity.sms_outbox"
            + " order by id desc limit 100")
        .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()})
        .list());
    audit.record("identity.sms-outbox-read", "sms-outbox", null, null, Map.of("shown", "100"));
    return "identity/sms-outbox";
  }

  static final class OutboxNotInUse extends Refusal {
    OutboxNotInUse() {
      super("identity.sms-outbox-not-in-use", 404);
    }
  }

  private void signIn(ResidentUser user, HttpServletRequest request, HttpServletResponse response) {
    var authorities = new ArrayList<GrantedAuthority>(user.getAuthorities());
    authorities.add(FactorGrantedAuthority.withAuthority("FACTOR_SMS").issuedAt(Instant.now()).build());
    var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    auth.setDetails(new WebAuthenticationDetails(request));
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(auth);
    SecurityContextHolder.setContext(context);
    request.getSession(true);
    request.changeSessionId();
    contexts.saveContext(context, request, response);
  }
}
