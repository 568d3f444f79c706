package org.tongban.facility.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tongban.facility.GeneratedFacilities;

/** Generates the demo facilities (marked generated) on the first start of the demo run. */
@Component
@Order(30)
class DemoFacilities implements ApplicationRunner {

  private final FacilitySettings settings;
  private final GeneratedFacilities generated;

  DemoFacilities(FacilitySettings settings, GeneratedFacilities generated) {
    this.settings = settings;
    this.generated = generated;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (settings.generate() && !generated.any()) generated.generate(settings.generateScale(), settings.generateSeed());
  }
}
