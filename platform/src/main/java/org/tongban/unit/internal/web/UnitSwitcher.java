package org.tongban.unit.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;
import org.springframework.stereotype.Controller;
import org.tongban.shared.ActingUnit;

/** The unit switcher on every page: which unit the person acts for now, and whether an authorisation just ended. */
@ControllerAdvice(annotations = Controller.class)
class UnitSwitcher {

  @ModelAttribute
  void actingUnit(HttpServletRequest request, Model model) {
    if (request.getAttribute(ActingUnit.REQUEST_KEY) instanceof ActingUnit unit) model.addAttribute("actingUnit", unit);
    if (request.getAttribute(ActingUnitInterceptor.ENDED) != null) model.addAttribute("actingUnitEnded", true);
  }
}
