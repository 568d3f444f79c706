package org.tongban.unit.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.tongban.shared.ActingUnit;
import org.tongban.shared.PageModel;

/** The unit switcher on every page: which unit the person acts for now, and whether an authorisation just ended. */
@Component
class UnitSwitcher implements PageModel {

  @Override
  public void addTo(HttpServletRequest request, ModelAndView page) {
    if (request.getAttribute(ActingUnit.REQUEST_KEY) instanceof ActingUnit unit) page.addObject("actingUnit", unit);
    if (request.getAttribute(ActingUnitInterceptor.ENDED) != null) page.addObject("actingUnitEnded", true);
  }
}
