package org.tongban.region.internal.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.region.RegionDirectory;

/**
 * The region browser: provinces, then one level at a time with breadcrumbs and paging; search by name or
 * code. Works without JavaScript; with htmx the list and search results swap in place.
 */
@Controller
class RegionPages {

  private final RegionDirectory regions;

  RegionPages(RegionDirectory regions) {
    this.regions = regions;
  }

  @GetMapping("/regions")
  String provinces(@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
                   @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
    model.addAttribute("provinces", regions.provinces());
    if (q != null && !q.isBlank()) {
      model.addAttribute("q", q);
      model.addAttribute("results", regions.search(q, null, page, 20));
    }
    return htmx != null && q != null ? "regions/search :: results" : "regions/index";
  }

  @GetMapping("/regions/{code}")
  String region(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
    var region = regions.get(code);
    model.addAttribute("region", region);
    model.addAttribute("trail", regions.trail(region.code()));
    model.addAttribute("children", regions.children(region.code(), page, 50));
    model.addAttribute("population", regions.population(region.code(), 2020).orElse(null));
    model.addAttribute("history", regions.history(region.code()));
    return htmx != null ? "regions/region :: children" : "regions/region";
  }

}
