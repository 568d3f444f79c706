package org.tongban.identity.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.identity.SmsGateway;

@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

  @Bean
  @ConditionalOnMissingBean(SmsGateway.class)
  SmsGateway outboxSmsGateway(JdbcClient jdbc) {
    return new OutboxSmsGateway(jdbc);
  }
}
