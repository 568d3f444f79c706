package org.tongban.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.tongban.shared.Refusal;

/** The same refusals on HTML pages: an error page in the person's language, with a way back. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

  private static final Logger log = LoggerFactory.getLogger(PageProblems.class);
  private final MessageSource messages;

  PageProblems(MessageSource messages) {
    this.messages = messages;
  }

  private void describe(Model model, int status, String code, Object... args) {
    var locale = LocaleContextHolder.getLocale();
    model.addAttribute("status", status);
    model.addAttribute("problemTitle", messages.getMessage("problem." + code + ".title", null,
        messages.getMessage("problem.status." + status, null, locale), locale));
    model.addAttribute("problemDetail", messages.getMessage("problem." + code, args, code, locale));
  }

  @ExceptionHandler(Refusal.class)
  String refusal(Refusal refusal, Model model, HttpServletResponse response) {
    response.setStatus(refusal.status());
    describe(model, refusal.status(), refusal.code(), refusal.arguments());
    return "error";
  }

  @ExceptionHandler({MethodArgumentTypeMismatchException.class, NoResourceFoundException.class})
  String notFound(Exception e, Model model, HttpServletResponse response) {
    response.setStatus(404);
    describe(model, 404, "not-found");
    return "error";
  }

  /** A file over the upload limit (10 MiB), sent from a page. */
  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  String tooLarge(Exception e, Model model, HttpServletResponse response) {
    response.setStatus(413);
    describe(model, 413, "casework.material-too-large", 10);
    return "error";
  }

  @ExceptionHandler(AccessDeniedException.class)
  void denied(AccessDeniedException e) {
    throw e; // let Spring Security answer (sign-in page or 403)
  }

  @ExceptionHandler(Exception.class)
  String unexpected(Exception e, Model model, HttpServletResponse response) {
    if (DatabaseUnavailable.isDatabaseDown(e)) {
      log.warn("Database unavailable on a page, answered 503: {}", e.toString());
      response.setStatus(503);
      response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
      describe(model, 503, DatabaseUnavailable.CODE);
      return "error";
    }
    String trace = UUID.randomUUID().toString();
    log.error("Unexpected failure on a page, trace {}", trace, e);
    response.setStatus(500);
    describe(model, 500, "unexpected");
    model.addAttribute("traceId", trace);
    return "error";
  }
}
