package org.tongban.region.internal.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.RegionLevel;

/**
 * Picking a region by name in any form (fragment {@code regions/picker :: picker}): the clerk types part of a name,
 * the matching units appear as choices with their full names, and the chosen one is sent as the form's region code.
 * Works with the keyboard; without htmx the search answers a page of choices.
 */
@Controller
class RegionPicker {

  private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile("[a-zA-Z][a-zA-Z-]{0,29}");

  private final RegionDirectory regions;

  RegionPicker(RegionDirectory regions) {
    this.regions = regions;
  }

  @GetMapping("/regions/pick")
  String pick(@RequestParam String field, @RequestParam(required = false) @Nullable RegionLevel level,
              @RequestParam Map<String, String> params, Model model) {
    if (!FIELD.matcher(field).matches()) throw new RegionDirectory.InvalidSearch();
    String q = params.getOrDefault(field + "-q", "").strip();
    model.addAttribute("field", field);
    model.addAttribute("q", q);
    model.addAttribute("choices", q.isEmpty() ? List.of() : regions.pick(q, level));
    return "regions/picker :: choices";
  }
}
