package org.tongban.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What every page's layout shows (the unit switcher, a kiosk's idle timer, a notice): added to the model of pages
 * only, after their handler ran, never to JSON answers or redirects. A module declares one as a bean; the web module
 * registers them all. (As {@code @ControllerAdvice} model attributes they ran for every API request too, since a
 * {@code @RestController} is a {@code @Controller}: 4.4 % of a JSON request's CPU in the casework profile.)
 */
public interface PageModel extends HandlerInterceptor {

  void addTo(HttpServletRequest request, ModelAndView page);

  @Override
  default void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                          @Nullable ModelAndView view) {
    if (isPage(view)) addTo(request, view);
  }

  /** A view to render: not a JSON answer (no model and view) and not a redirect (its model would become parameters). */
  static boolean isPage(@Nullable ModelAndView view) {
    return view != null && !(view.getViewName() != null && view.getViewName().startsWith("redirect:"))
        && !(view.getView() instanceof RedirectView);
  }
}
