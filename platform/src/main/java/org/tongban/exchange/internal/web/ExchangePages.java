package org.tongban.exchange.internal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tongban.exchange.ResourceCatalogue;

/** The public page of the resource catalogue. */
@Controller
class ExchangePages {

  private final ResourceCatalogue catalogue;

  ExchangePages(ResourceCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping("/data/exchange")
  String catalogue(Model model) {
    model.addAttribute("resources", catalogue.resources());
    return "exchange/catalogue";
  }
}
