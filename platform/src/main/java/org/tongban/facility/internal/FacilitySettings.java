package org.tongban.facility.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Facility settings ({@code tongban.facility.*}).
 *
 * @param generate      generate demo facilities at start-up when none are stored (the README's demo run)
 * @param generateScale how many: 1 gives about 35,000 for Liaoning and Luzhou, 5.5 about 200,000
 * @param generateSeed  the same seed gives the same facilities
 */
@ConfigurationProperties("tongban.facility")
record FacilitySettings(@DefaultValue("false") boolean generate, @DefaultValue("1") double generateScale,
                        @DefaultValue("2020") long generateSeed) {

  FacilitySettings {
    if (!(generateScale > 0 && generateScale <= 50)) {
      throw new IllegalArgumentException("tongban.facility.generate-scale must be in (0, 50]: " + generateScale);
    }
  }
}
