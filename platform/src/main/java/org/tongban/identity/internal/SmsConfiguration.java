package org.tongban.identity.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.identity.SmsGateway;
import org.tongban.shared.PhoneNumber;
import org.tongban.shared.Refusal;
import tools.jackson.databind.json.JsonMapper;

/**
 * The province's SMS platform over HTTP when {@code tongban.identity.sms.url} is set ({@link HttpSmsGateway}), or a
 * bean of {@link SmsGateway} of its own. Without either, embedded mode writes messages to the
 * administrators' outbox; with an external database, codes are never kept where administrators could read them:
 * sending answers 503 until a gateway is configured ({@code tongban.identity.sms-outbox=true} forces the outbox, for
 * tests against an external server).
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

  @Bean
  @ConditionalOnMissingBean(SmsGateway.class)
  SmsGateway smsGateway(JdbcClient jdbc, Environment env, JsonMapper json) {
    String url = env.getProperty("tongban.identity.sms.url", "");
    if (!url.isBlank()) {
      return new HttpSmsGateway(URI.create(url), env.getProperty("tongban.identity.sms.token", ""),
          env.getProperty("tongban.identity.sms.timeout", Duration.class, Duration.ofSeconds(5)), json);
    }
    return outbox(env) ? new OutboxSmsGateway(jdbc) : new NoSmsGateway();
  }

  static boolean outbox(Environment env) {
    boolean embedded = env.getProperty("spring.datasource.url", "").isBlank();
    return env.getProperty("tongban.identity.sms-outbox", Boolean.class, embedded);
  }

  /** No SMS platform configured outside embedded mode. */
  static final class NoSmsGateway implements SmsGateway {
    @Override
    public void send(PhoneNumber to, String text) {
      throw new SmsUnavailable();
    }
  }

  static final class SmsUnavailable extends Refusal {
    SmsUnavailable() {
      super("identity.sms-unavailable", 503);
    }
  }
}
