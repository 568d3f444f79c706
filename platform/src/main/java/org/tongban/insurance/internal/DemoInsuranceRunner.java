package org.tongban.insurance.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tongban.insurance.DemoInsurance;
import org.tongban.insurance.GeneratedInsurance;

/** In the demo, generated social insurance once the generated residents and employers exist. */
@Component
@Order(46)
class DemoInsuranceRunner implements ApplicationRunner {

  /**
   * Demo settings ({@code tongban.insurance.demo.*}).
   *
   * @param generate generate demo insurance records at start-up when none are stored
   * @param seed     the same seed gives the same data
   */
  @ConfigurationProperties("tongban.insurance.demo")
  record Settings(@DefaultValue("false") boolean generate, @DefaultValue("2026") long seed) {}

  private final Settings settings;
  private final DemoInsurance demo;
  private final GeneratedInsurance generated;

  DemoInsuranceRunner(Settings settings, DemoInsurance demo, GeneratedInsurance generated) {
    this.settings = settings;
    this.demo = demo;
    this.generated = generated;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (settings.generate() && !generated.anyGenerated()) demo.generate(settings.seed());
  }
}
