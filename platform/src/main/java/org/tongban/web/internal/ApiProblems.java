package org.tongban.web.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.tongban.shared.Refusal;

/**
 * Turns every failure of a JSON endpoint into an RFC 9457 problem detail in the request's language: named
 * refusals with their {@code code}, validation with every field problem at once, and unexpected failures as
 * a 500 with a trace id (logged with the stack trace, which never leaves the server).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
  private final MessageSource messages;

  ApiProblems(MessageSource messages) {
    this.messages = messages;
    setMessageSource(messages);
  }

  @ExceptionHandler(Refusal.class)
  ResponseEntity<ProblemDetail> refusal(Refusal refusal) {
    var problem = problem(refusal.status(), refusal.code(), refusal.arguments());
    if (!refusal.problems().isEmpty()) {
      Locale locale = LocaleContextHolder.getLocale();
      problem.setProperty("errors", refusal.problems().stream().map(p -> Map.of("field", p.field(), "code", p.code(),
          "message", messages.getMessage("problem.field." + p.code(), p.arguments().toArray(), p.code(), locale)))
          .toList());
    }
    return ResponseEntity.status(refusal.status()).body(problem);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    var problem = problem(400, "request.wrong-type", e.getName());
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
    return ResponseEntity.status(403).body(problem(403, "forbidden"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (DatabaseUnavailable.isDatabaseDown(e)) {
      log.warn("Database unavailable, answered 503: {}", e.toString());
      return ResponseEntity.status(503).header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
          .body(problem(503, DatabaseUnavailable.CODE));
    }
    String trace = UUID.randomUUID().toString();
    log.error("Unexpected failure, trace {}", trace, e);
    var problem = problem(500, "unexpected");
    problem.setProperty("traceId", trace);
    return ResponseEntity.internalServerError().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    var problem = problem(400, "request.invalid");
    List<Map<String, String>> errors = new ArrayList<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      errors.add(Map.of("field", error.getField(),
          "message", messages.getMessage(error, LocaleContextHolder.getLocale())));
    }
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    var problem = problem(400, "request.invalid");
    List<Map<String, String>> errors = new ArrayList<>();
    ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(e -> errors.add(Map.of(
        "field", String.valueOf(r.getMethodParameter().getParameterName()),
        "message", messages.getMessage(e, LocaleContextHolder.getLocale())))));
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    // Framework errors (unreadable JSON, unknown field, wrong method …): keep Spring's status, our words.
    String code = switch (statusCode.value()) {
      case 400 -> "request.unreadable";
      case 404 -> "not-found";
      case 405 -> "request.method";
      case 406 -> "request.not-acceptable";
      case 413 -> "request.too-large";
      case 415 -> "request.media-type";
      default -> "unexpected";
    };
    return ResponseEntity.status(statusCode).headers(headers).body(problem(statusCode.value(), code));
  }

  private ProblemDetail problem(int status, String code, Object... args) {
    Locale locale = LocaleContextHolder.getLocale();
    var problem = ProblemDetail.forStatus(status);
    problem.setTitle(messages.getMessage("problem." + code + ".title", null,
        messages.getMessage("problem.status." + status, null, HttpStatus.valueOf(status).getReasonPhrase(), locale),
        locale));
    problem.setDetail(messages.getMessage("problem." + code, args, code, locale));
    problem.setType(URI.create("https://tongban.org/problems/" + code));
    problem.setProperty("code", code);
    return problem;
  }
}
