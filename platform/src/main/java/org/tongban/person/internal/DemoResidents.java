package org.tongban.person.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.person.GeneratedResidents;

/** Creates {@code tongban.person.demo-residents} generated residents on start when none exist yet. */
@Component
@Order(30)
class DemoResidents implements ApplicationRunner {

  private final PersonSettings settings;
  private final GeneratedResidents generator;
  private final JdbcClient jdbc;

  DemoResidents(PersonSettings settings, GeneratedResidents generator, JdbcClient jdbc) {
    this.settings = settings;
    this.generator = generator;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (settings.demoResidents() <= 0) return;
    if (!jdbc.sql("select exists(select 1 from person.person where generated)").query(Boolean.class).single()) {
      generator.generate(settings.demoResidents(), settings.demoSeed());
    }
    generator.linkFamilies();
  }
}
