package org.tongban.unit;

import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.tongban.StaffFixtures;
import org.tongban.shared.ActingUnit;

/** Work done by a person acting for a unit, as a request would carry it (the checked unit in the request). */
public final class UnitFixtures {

  private UnitFixtures() {}

  public static <T> T actingFor(UnitAgents agents, UserDetails person, UUID unit, Supplier<T> work) {
    return StaffFixtures.as(person, () -> {
      var request = new MockHttpServletRequest();
      var previous = RequestContextHolder.getRequestAttributes();
      RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
      try {
        request.setAttribute(ActingUnit.REQUEST_KEY, agents.actingAs(unit));
        return work.get();
      } finally {
        RequestContextHolder.setRequestAttributes(previous);
      }
    });
  }
}
