package org.tongban.identity.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, with a button for each configured upstream identity provider. */
@Controller
class LoginPage {

  private final ObjectProvider<ClientRegistrationRepository> upstreams;

  LoginPage(ObjectProvider<ClientRegistrationRepository> upstreams) {
    this.upstreams = upstreams;
  }

  record Upstream(String id, String name) {}

  @GetMapping("/login")
  String login(Model model) {
    var list = new ArrayList<Upstream>();
    if (upstreams.getIfAvailable() instanceof Iterable<?> registrations) {
      for (Object r : registrations) {
        var registration = (ClientRegistration) r;
        list.add(new Upstream(registration.getRegistrationId(), registration.getClientName()));
      }
    }
    model.addAttribute("upstreams", List.copyOf(list));
    return "login";
  }
}
