package org.tongban.exchange.internal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.exchange.FlowBack;
import org.tongban.exchange.ResourceCatalogue;

/** The public page of the resource catalogue; the flow-back page of a station. */
@Controller
class ExchangePages {

  private final ResourceCatalogue catalogue;
  private final FlowBack flowBack;
  private final org.tongban.exchange.OpenData openData;

  ExchangePages(ResourceCatalogue catalogue, FlowBack flowBack, org.tongban.exchange.OpenData openData) {
    this.openData = openData;
    this.catalogue = catalogue;
    this.flowBack = flowBack;
  }

  /** 开放数据: the open datasets, for everybody. */
  @GetMapping("/data/open")
  String open(Model model) {
    model.addAttribute("datasets", openData.catalogue());
    return "exchange/open";
  }

  /** 数据回流 for the staff of a village or township station. */
  @GetMapping("/workbench/flow-back")
  String flowBack(@RequestParam(defaultValue = "0") long before, Model model) {
    model.addAttribute("station", flowBack.station());
    model.addAttribute("items", flowBack.forStation(before, 50));
    return "exchange/flow-back";
  }

  @GetMapping("/data/exchange")
  String catalogue(Model model) {
    model.addAttribute("resources", catalogue.resources());
    return "exchange/catalogue";
  }
}
