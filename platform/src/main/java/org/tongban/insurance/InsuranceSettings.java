package org.tongban.insurance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Social-insurance settings ({@code tongban.insurance.*}).
 *
 * @param temporaryLossDays how long a temporary (oral) loss report of a card holds before it lapses unless made
 *                          formal: the provinces' 社会保障卡 rules set it, five days in most
 * @param electronicCardValidity how long a QR code of the electronic card verifies after it is shown
 */
@ConfigurationProperties("tongban.insurance")
record InsuranceSettings(@DefaultValue("5") int temporaryLossDays,
                         @DefaultValue("PT3M") Duration electronicCardValidity) {

  InsuranceSettings {
    if (temporaryLossDays < 1 || temporaryLossDays > 30) {
      throw new IllegalArgumentException("tongban.insurance.temporary-loss-days must be 1–30: " + temporaryLossDays);
    }
    if (electronicCardValidity.isNegative() || electronicCardValidity.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("tongban.insurance.electronic-card-validity must be at most 10 minutes");
    }
  }
}
