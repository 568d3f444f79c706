package org.tongban.insurance.internal.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.tongban.insurance.Insurance;
import org.tongban.insurance.InsuranceFigures;
import org.tongban.shared.RegionCode;

/** 社保五级统计 for staff: a region and the regions below it, on a page and as JSON. */
@Controller
class InsuranceFigurePages {

  private final InsuranceFigures figures;

  InsuranceFigurePages(InsuranceFigures figures) {
    this.figures = figures;
  }

  @GetMapping("/workbench/insurance/figures")
  String page(@RequestParam(defaultValue = "21") String region, Model model) {
    model.addAttribute("rows", figures.rows(RegionCode.of(region)));
    model.addAttribute("region", region);
    model.addAttribute("insurances", Insurance.values());
    return "insurance/figures";
  }

  @GetMapping("/api/insurance/figures")
  @ResponseBody
  List<InsuranceFigures.Row> json(@RequestParam(defaultValue = "21") @Nullable String region) {
    return figures.rows(RegionCode.of(region == null ? "21" : region));
  }
}
