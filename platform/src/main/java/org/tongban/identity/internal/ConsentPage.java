package org.tongban.identity.internal;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The consent page (授权确认) for systems that are not the province's own: what the system asks for, in
 * plain words, each scope a box the person may leave unticked. The form goes back to the authorization
 * endpoint, which records the decision.
 */
@Controller
class ConsentPage {

  private final RegisteredClientRepository clients;
  private final OAuth2AuthorizationConsentService consents;

  ConsentPage(RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents) {
    this.clients = clients;
    this.consents = consents;
  }

  @GetMapping("/oauth2/consent")
  String consent(Principal principal, @RequestParam("client_id") String clientId, @RequestParam String scope,
                 @RequestParam String state, Model model) {
    var client = clients.findByClientId(clientId);
    if (client == null) throw new UnknownClient();
    var previous = consents.findById(client.getId(), principal.getName());
    Set<String> approved = previous == null ? Set.of() : previous.getScopes();
    List<String> toApprove = new ArrayList<>();
    List<String> already = new ArrayList<>();
    for (String s : new HashSet<>(List.of(scope.split(" ")))) {
      if (s.equals(OidcScopes.OPENID) || s.isBlank()) continue;
      (approved.contains(s) ? already : toApprove).add(s);
    }
    model.addAttribute("client", client.getClientName());
    model.addAttribute("clientId", clientId);
    model.addAttribute("state", state);
    model.addAttribute("toApprove", toApprove.stream().sorted().toList());
    model.addAttribute("already", already.stream().sorted().toList());
    return "identity/consent";
  }

  static final class UnknownClient extends org.tongban.shared.Refusal {
    UnknownClient() {
      super("identity.client-not-found", 404);
    }
  }
}
