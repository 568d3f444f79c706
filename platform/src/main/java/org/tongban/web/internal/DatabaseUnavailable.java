package org.tongban.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database cannot be reached — restarting, failing over, out of connections: the request is answered 503 with
 * {@code Retry-After} and a problem in the reader's language instead of a 500, wherever that is found out: the session
 * store (read before anything else), a rate limit, a page or an API (those answer through {@link ApiProblems} and
 * {@link PageProblems}, with the same words). Nothing is half-done: the transaction that could not begin or commit
 * left nothing, and a submission sent again with its {@code Idempotency-Key} is filed once.
 *
 * <p>Ordered before Spring Session's filter ({@code Integer.MIN_VALUE + 50}), so a session that cannot be read or
 * saved is answered too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseUnavailable extends OncePerRequestFilter {

  static final String CODE = "database-unavailable";
  static final String RETRY_AFTER_SECONDS = "5";
  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

  private final MessageSource messages;
  private final LocaleResolver locales;
  private final JsonMapper json;

  DatabaseUnavailable(MessageSource messages, LocaleResolver locales, JsonMapper json) {
    this.messages = messages;
    this.locales = locales;
    this.json = json;
  }

  /**
   * A failure to reach the database rather than a fault of the request: no connection (Spring's resource failure,
   * a transaction that could not begin, the pool's timeout), or PostgreSQL ending the connection (SQLSTATE class 08
   * connection exception, 57P01–57P03 shutting down or not yet accepting connections), however deeply wrapped.
   */
  static boolean isDatabaseDown(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException) {
        return true;
      }
      // A commit or rollback the driver could not carry out: the connection went with the server (the pool says
      // "Connection is closed" without a SQLSTATE). Whether a commit landed is not known, so the client's retry with
      // its Idempotency-Key is the answer, as for the other failures here.
      if (t instanceof TransactionSystemException tx && (tx.getCause() instanceof SQLException
          || tx.getApplicationException() != null && isDatabaseDown(tx.getApplicationException()))) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!isDatabaseDown(e) || response.isCommitted()) throw e;
      log.warn("Database unavailable, answered 503: {} {} ({})", request.getMethod(), request.getRequestURI(),
          e.toString());
      answer(request, response);
    }
  }

  private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Locale locale = locales.resolveLocale(request);
    String title = messages.getMessage("problem.status.503", null, locale);
    String detail = messages.getMessage("problem." + CODE, null, locale);
    response.resetBuffer();
    response.setStatus(503);
    response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    response.setHeader("Cache-Control", "no-store");
    response.setCharacterEncoding("UTF-8");
    String accept = request.getHeader("Accept");
    if (accept != null && accept.contains("text/html")) {
      response.setContentType(MediaType.TEXT_HTML_VALUE);
      response.getWriter().write("<!DOCTYPE html><html lang=\"" + (locale.getLanguage().equals("en") ? "en" : "zh-CN")
          + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>"
          + HtmlUtils.htmlEscape(title) + "</title></head><body style=\"font:1.25rem/1.6 sans-serif;margin:2rem\"><h1>"
          + HtmlUtils.htmlEscape(title) + "</h1><p role=\"alert\">" + HtmlUtils.htmlEscape(detail) + "</p></body></html>");
    } else {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      var problem = new java.util.LinkedHashMap<String, Object>();
      problem.put("type", "https://tongban.org/problems/" + CODE);
      problem.put("title", title);
      problem.put("status", 503);
      problem.put("detail", detail);
      problem.put("code", CODE);
      response.getWriter().write(json.writeValueAsString(problem));
    }
  }
}
