package org.tongban.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;

/**
 * #18.2: while PostgreSQL restarts, a request is answered 503 with Retry-After and words a clerk understands — from
 * the filter in front of the session store, which is read before anything else — and any other failure is left to
 * the usual handling.
 */
@SpringBootTest
@Tag("persistence")
class DatabaseUnavailableTests {

  @Autowired DatabaseUnavailable filter;

  private MockHttpServletResponse run(MockHttpServletRequest request, RuntimeException failure) throws Exception {
    var response = new MockHttpServletResponse();
    FilterChain chain = (req, res) -> {
      throw failure;
    };
    filter.doFilter(request, response, chain);
    return response;
  }

  @Test
  void noConnectionIsA503ProblemWithRetryAfter() throws Exception {
    var request = new MockHttpServletRequest("POST", "/api/cases");
    request.addHeader("Accept", "application/json");
    var response = run(request, new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
        new SQLException("Connection to 127.0.0.1:5432 refused", "08001")));
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString())
        .contains("\"code\":\"database-unavailable\"").contains("\"status\":503").contains("数据库暂时无法连接");
  }

  @Test
  void aConnectionPostgresqlEndsWhileCommittingIsA503PageInTheReadersLanguage() throws Exception {
    var request = new MockHttpServletRequest("POST", "/services/hrss.unemployment-benefit/apply");
    request.addHeader("Accept", "text/html,application/xhtml+xml");
    request.setCookies(new Cookie("lang", "en"));
    var response = run(request, new TransactionSystemException("Could not commit JDBC transaction",
        new SQLException("terminating connection due to administrator command", "57P01")));
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getContentType()).startsWith("text/html");
    assertThat(response.getContentAsString()).contains("<html lang=\"en\"")
        .contains("The database cannot be reached just now").contains("role=\"alert\"");
  }

  @Test
  void otherFailuresAreNotItsBusiness() {
    var request = new MockHttpServletRequest("POST", "/api/cases");
    assertThatThrownBy(() -> run(request, new DuplicateKeyException("duplicate key",
        new SQLException("duplicate key value violates unique constraint", "23505"))))
        .isInstanceOf(DuplicateKeyException.class);
    assertThatThrownBy(() -> run(request, new IllegalStateException("a bug")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(DatabaseUnavailable.isDatabaseDown(new RuntimeException("wrapped",
        new SQLException("the database system is starting up", "57P03")))).isTrue();
  }

  /** Seen in bench/faults.sh: PostgreSQL restarted while a transaction ended, and the pool's connection was gone. */
  @Test
  void aCommitOrRollbackTheDriverCouldNotCarryOutIsA503() throws Exception {
    var request = new MockHttpServletRequest("POST", "/api/cases");
    request.addHeader("Accept", "application/json");
    var response = run(request, new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed")));
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
  }
}
