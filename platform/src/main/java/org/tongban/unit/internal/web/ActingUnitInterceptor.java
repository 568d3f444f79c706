package org.tongban.unit.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tongban.shared.ActingUnit;
import org.tongban.shared.Refusal;
import org.tongban.unit.UnitAgents;

/**
 * On every request of a person who chose a unit to act for, checks the authorisation again (it may have ended or been
 * revoked since) and puts the checked unit in the request, where callers, audit and pages find it. An ended one is
 * dropped from the session and the page says so.
 */
@Configuration
class ActingUnitInterceptor implements HandlerInterceptor, WebMvcConfigurer {

  static final String ENDED = ActingUnitInterceptor.class.getName() + ".ended";

  private final UnitAgents agents;

  ActingUnitInterceptor(UnitAgents agents) {
    this.agents = agents;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).excludePathPatterns("/css/**", "/js/**", "/img/**", "/favicon.*", "/webjars/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    var session = request.getSession(false);
    if (session == null || !(session.getAttribute(ActingUnit.SESSION_KEY) instanceof UUID unit)) return true;
    try {
      request.setAttribute(ActingUnit.REQUEST_KEY, agents.actingAs(unit));
    } catch (Refusal ended) {
      session.removeAttribute(ActingUnit.SESSION_KEY);
      request.setAttribute(ENDED, true);
    }
    return true;
  }
}
