package org.tongban.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.identity.SmsGateway;
import org.tongban.shared.PhoneNumber;

/** Embedded mode: no SMS is sent; the message goes to the log and the administrators' outbox page. */
class OutboxSmsGateway implements SmsGateway {

  private static final Logger log = LoggerFactory.getLogger(OutboxSmsGateway.class);
  private final JdbcClient jdbc;

  OutboxSmsGateway(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void send(PhoneNumber to, String text) {
    jdbc.sql("insert into identity.sms_outbox (phone_masked, text) values (?, ?)").params(to.masked(), text).update();
    log.info("SMS to {} (embedded outbox, not sent): {}", to.masked(), text);
  }
}
