package org.tongban.employment.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tongban.employment.GeneratedEmployment;
import org.tongban.unit.Units;

/** In the demo, generated employers, vacancies and job seekers once the generated residents exist. */
@Component
@Order(45)
class DemoEmployment implements ApplicationRunner {

  /**
   * Employment settings ({@code tongban.employment.*}).
   *
   * @param generate generate demo employers, vacancies and seekers at start-up when none are stored
   * @param seed     the same seed gives the same data
   */
  @ConfigurationProperties("tongban.employment")
  record Settings(@DefaultValue("false") boolean generate, @DefaultValue("2026") long seed) {}

  private final Settings settings;
  private final GeneratedEmployment generated;
  private final Units units;

  DemoEmployment(Settings settings, GeneratedEmployment generated, Units units) {
    this.settings = settings;
    this.generated = generated;
    this.units = units;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (settings.generate() && !units.anyGenerated()) generated.generate(settings.seed());
  }
}
