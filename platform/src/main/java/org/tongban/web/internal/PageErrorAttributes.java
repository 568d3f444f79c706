package org.tongban.web.internal;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors answered by the container (a filter's {@code sendError}, an unknown path) get the same words as refusals:
 * the status's title, and its detail where the messages have one ({@code problem.status.<n>.detail}, with the
 * seconds to wait for 429).
 */
@Component
class PageErrorAttributes extends DefaultErrorAttributes {

  /** Request attribute a filter sets with the seconds a refused client should wait. */
  static final String RETRY_AFTER = "tongban.retry-after";
  /** Request attribute a filter sets with the problem's code, whose message explains the refusal. */
  static final String PROBLEM = "tongban.problem";
  private final MessageSource messages;

  PageErrorAttributes(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    var attributes = super.getErrorAttributes(request, options);
    if (attributes.get("status") instanceof Integer status) {
      var locale = LocaleContextHolder.getLocale();
      Object wait = request.getAttribute(RETRY_AFTER, RequestAttributes.SCOPE_REQUEST);
      attributes.put("problemTitle", messages.getMessage("problem.status." + status, null,
          messages.getMessage("error.title", null, locale), locale));
      Object problem = request.getAttribute(PROBLEM, RequestAttributes.SCOPE_REQUEST);
      String detail = problem != null ? messages.getMessage("problem." + problem, null, null, locale)
          : messages.getMessage("problem.status." + status + ".detail", new Object[] {wait}, null, locale);
      if (detail != null) attributes.put("problemDetail", detail);
      else if (status == 404) attributes.put("problemDetail", messages.getMessage("problem.not-found", null, locale));
    }
    return attributes;
  }
}
