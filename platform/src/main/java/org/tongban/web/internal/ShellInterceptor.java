package org.tongban.web.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.web.servlet.HandlerInterceptor;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.web.servlet.ModelAndView;
import org.tongban.shared.PageModel;
import org.tongban.shared.WorkingDayCalendar;

/**
 * Tells every page whether 长辈版 (elder mode) is on, from the {@code elder} cookie; and administrators' pages when a
 * holiday notice must be loaded; everyone while the platform is still loading its data (the web server answers
 * before the demo's residents and facilities are generated, and a page that shows none of them would mislead).
 */
class ShellInterceptor implements HandlerInterceptor {

  private final ApplicationAvailability availability;

  ShellInterceptor(ApplicationAvailability availability) {
    this.availability = availability;
  }

  @Override
  public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                         ModelAndView view) {
    // Redirects carry no page model (it would turn into query parameters).
    if (!PageModel.isPage(view)) return;
    boolean elder = false;
    if (request.getCookies() != null) {
      for (Cookie c : request.getCookies()) if (c.getName().equals("elder") && c.getValue().equals("1")) elder = true;
    }
    view.addObject("elder", elder);
    view.addObject("currentPath", request.getRequestURI());
    view.addObject("stillLoading", availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC);
    if (request.isUserInRole("ADMIN")) {
      view.addObject("holidayNoticeMissing", HolidayNotice.missing(LocalDate.now(ZoneId.of("Asia/Shanghai")),
          WorkingDayCalendar.official()));
    }
  }
}
