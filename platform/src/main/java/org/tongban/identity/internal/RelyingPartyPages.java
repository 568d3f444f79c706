package org.tongban.identity.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.shared.Refusal;

/** Administrators register departments' systems (clients of one login) here. */
@Controller
class RelyingPartyPages {

  private final RelyingParties parties;

  RelyingPartyPages(RelyingParties parties) {
    this.parties = parties;
  }

  @GetMapping("/admin/clients")
  String list(Model model) {
    model.addAttribute("clients", parties.list());
    model.addAttribute("scopes", RelyingParties.SCOPES);
    return "identity/clients";
  }

  @PostMapping("/admin/clients")
  String register(@RequestParam String clientId, @RequestParam String name,
                  @RequestParam(defaultValue = "false") boolean confidential,
                  @RequestParam(defaultValue = "false") boolean firstParty,
                  @RequestParam(defaultValue = "false") boolean clientCredentials,
                  @RequestParam(defaultValue = "false") boolean es256IdTokens,
                  @RequestParam String redirectUris, @RequestParam(defaultValue = "") String postLogoutRedirectUris,
                  @RequestParam(defaultValue = "openid") List<String> scopes, Model model) {
    try {
      String secret = parties.register(new RelyingParties.Draft(clientId.strip(), name, confidential, firstParty,
          lines(redirectUris), lines(postLogoutRedirectUris), new HashSet<>(scopes), clientCredentials,
          es256IdTokens));
      model.addAttribute("registered", clientId.strip());
      model.addAttribute("secret", secret);
    } catch (Refusal refusal) {
      model.addAttribute("problem", "problem." + refusal.code());
    }
    return list(model);
  }

  @PostMapping("/admin/clients/{clientId}/secret")
  String rotate(@PathVariable String clientId, Model model) {
    try {
      model.addAttribute("registered", clientId);
      model.addAttribute("secret", parties.rotateSecret(clientId));
    } catch (Refusal refusal) {
      model.addAttribute("problem", "problem." + refusal.code());
    }
    return list(model);
  }

  @PostMapping("/admin/clients/{clientId}/removal")
  String remove(@PathVariable String clientId, Model model) {
    try {
      parties.remove(clientId);
      model.addAttribute("removed", clientId);
    } catch (Refusal refusal) {
      model.addAttribute("problem", "problem." + refusal.code());
    }
    return list(model);
  }

  private static List<String> lines(String text) {
    return Arrays.stream(text.split("[\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
