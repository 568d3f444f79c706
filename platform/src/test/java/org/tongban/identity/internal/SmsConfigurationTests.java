package org.tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.tongban.shared.PhoneNumber;

/** Codes are kept in a readable outbox only in embedded mode (or when a test asks for it explicitly). */
class SmsConfigurationTests {

  @Test
  void embeddedModeUsesTheOutboxAnExternalDatabaseNever() {
    assertThat(SmsConfiguration.outbox(new MockEnvironment())).isTrue();
    var production = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db.example/tongban");
    assertThat(SmsConfiguration.outbox(production)).isFalse();
    assertThat(SmsConfiguration.outbox(production.withProperty("tongban.identity.sms-outbox", "true"))).isTrue();
    assertThatThrownBy(() -> new SmsConfiguration.NoSmsGateway().send(new PhoneNumber("13800138000"), "x"))
        .isInstanceOf(SmsConfiguration.SmsUnavailable.class);
  }
}
