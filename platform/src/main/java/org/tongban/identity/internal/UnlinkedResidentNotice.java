package org.tongban.identity.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tongban.access.Callers;

/** Every page tells a resident whose account waits for its registry record what that means and what to do. */
@ControllerAdvice(annotations = Controller.class)
class UnlinkedResidentNotice {

  private final Callers callers;

  UnlinkedResidentNotice(Callers callers) {
    this.callers = callers;
  }

  @ModelAttribute("unlinkedResident")
  boolean unlinked() {
    var caller = callers.current();
    return caller.resident() && caller.person() == null;
  }
}
