package org.tongban.web.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/** Tells every page whether 长辈版 (elder mode) is on, from the {@code elder} cookie. */
class ShellInterceptor implements HandlerInterceptor {

  @Override
  public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                         ModelAndView view) {
    // Redirects carry no page model (it would turn into query parameters).
    if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))
        || view.getView() instanceof org.springframework.web.servlet.view.RedirectView) {
      return;
    }
    boolean elder = false;
    if (request.getCookies() != null) {
      for (Cookie c : request.getCookies()) if (c.getName().equals("elder") && c.getValue().equals("1")) elder = true;
    }
    view.addObject("elder", elder);
    view.addObject("currentPath", request.getRequestURI());
  }
}
