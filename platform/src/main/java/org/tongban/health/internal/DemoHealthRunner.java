package org.tongban.health.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tongban.health.GeneratedHealth;

/** In the demo, generated clinics, records and case reports once the generated residents exist. */
@Component
@Order(47)
class DemoHealthRunner implements ApplicationRunner {

  /**
   * Demo settings ({@code tongban.health.demo.*}).
   *
   * @param generate generate demo health data at start-up when none is stored
   * @param seed     the same seed gives the same data
   */
  @ConfigurationProperties("tongban.health.demo")
  record Settings(@DefaultValue("false") boolean generate, @DefaultValue("2026") long seed) {}

  private final Settings settings;
  private final GeneratedHealth generated;

  DemoHealthRunner(Settings settings, GeneratedHealth generated) {
    this.settings = settings;
    this.generated = generated;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (settings.generate() && !generated.anyGenerated()) generated.generate(settings.seed());
  }
}
