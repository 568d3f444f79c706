package org.tongban.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second sign-in step for staff: enrol an authenticator app by QR code (once), then type its six-digit
 * code (or a recovery code) after every password sign-in. Only then do staff pages open.
 */
@Controller
class SecondFactorPages {

  static final String PENDING = "tongban.totp.pending";
  private final SecondFactor factor;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
  private final SavedRequestAwareAuthenticationSuccessHandler onward = new SavedRequestAwareAuthenticationSuccessHandler();

  SecondFactorPages(SecondFactor factor) {
    this.factor = factor;
  }

  @GetMapping("/login/second-factor")
  String page(Authentication auth, HttpSession session, Model model) {
    if (hasSecondFactor(auth)) return "redirect:/";
    if (factor.enrolled(auth.getName())) return "identity/second-factor";
    byte[] secret = pending(session);
    model.addAttribute("secret", Totp.base32(secret).replaceAll("(.{4})", "$1 ").strip());
    model.addAttribute("qr", SecondFactor.qrDataUri(SecondFactor.otpauthUri(auth.getName(), secret)));
    return "identity/second-factor-enrol";
  }

  @PostMapping("/login/second-factor/enrol")
  String enrol(@RequestParam String code, Authentication auth, HttpSession session, HttpServletRequest request,
               HttpServletResponse response, Model model) {
    if (factor.locked(auth.getName())) return signOut(request, "redirect:/login?locked");
    byte[] secret = pending(session);
    var codes = factor.enrol(auth.getName(), secret, code.strip(), request.getRemoteAddr());
    if (codes == null) {
      model.addAttribute("wrong", true);
      return page(auth, session, model);
    }
    session.removeAttribute(PENDING);
    elevate(auth, request, response);
    model.addAttribute("codes", codes);
    return "identity/second-factor-recovery";
  }

  @PostMapping("/login/second-factor")
  String verify(@RequestParam String code, Authentication auth, HttpServletRequest request,
                HttpServletResponse response, Model model) throws IOException, jakarta.servlet.ServletException {
    var outcome = factor.verify(auth.getName(), code, request.getRemoteAddr());
    if (outcome == SecondFactor.Outcome.LOCKED) return signOut(request, "redirect:/login?locked");
    if (outcome == SecondFactor.Outcome.WRONG) {
      model.addAttribute("wrong", true);
      return "identity/second-factor";
    }
    var elevated = elevate(auth, request, response);
    onward.onAuthenticationSuccess(request, response, elevated);
    return null;
  }

  /** Too many wrong codes: the half-signed-in session ends; the next try starts again with the password. */
  private String signOut(HttpServletRequest request, String then) {
    var session = request.getSession(false);
    if (session != null) session.invalidate();
    SecurityContextHolder.clearContext();
    return then;
  }

  private static byte[] pending(HttpSession session) {
    var secret = (byte[]) session.getAttribute(PENDING);
    if (secret == null) {
      secret = Totp.newSecret();
      session.setAttribute(PENDING, secret);
    }
    return secret;
  }

  static boolean hasSecondFactor(Authentication auth) {
    return auth.getAuthorities().stream().anyMatch(a -> SecondFactor.AUTHORITY.equals(a.getAuthority()));
  }

  /** Adds the TOTP factor to the signed-in authentication and moves the session to a new id. */
  private Authentication elevate(Authentication auth, HttpServletRequest request, HttpServletResponse response) {
    var authorities = new ArrayList<GrantedAuthority>(auth.getAuthorities());
    authorities.add(FactorGrantedAuthority.withAuthority(SecondFactor.AUTHORITY).issuedAt(Instant.now()).build());
    var elevated = UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(), null, authorities);
    elevated.setDetails(auth.getDetails());
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(elevated);
    SecurityContextHolder.setContext(context);
    // A new session id for the raised privilege (the session registry reads the session store, so 踢下线 and
    // OIDC logout find it under the new id).
    request.getSession();
    request.changeSessionId();
    contexts.saveContext(context, request, response);
    return elevated;
  }
}
