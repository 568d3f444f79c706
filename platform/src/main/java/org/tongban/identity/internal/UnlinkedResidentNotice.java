package org.tongban.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.tongban.access.Callers;
import org.tongban.shared.PageModel;

/** Every page tells a resident whose account waits for its registry record what that means and what to do. */
@Component
class UnlinkedResidentNotice implements PageModel {

  private final Callers callers;

  UnlinkedResidentNotice(Callers callers) {
    this.callers = callers;
  }

  @Override
  public void addTo(HttpServletRequest request, ModelAndView page) {
    var caller = callers.current();
    page.addObject("unlinkedResident", caller.resident() && caller.person() == null);
  }
}
