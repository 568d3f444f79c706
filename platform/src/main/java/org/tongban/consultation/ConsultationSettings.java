package org.tongban.consultation;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lawsDir the folder of law texts (one UTF-8 file per law, articles at the start of a line as 第N条); when
 *                unset, {@code ../shared/data/policy_texts/laws} is used if it exists. The platform works without it.
 * @param floor   the confidence below which a resident is offered a person instead of an answer (0–1)
 */
@ConfigurationProperties("tongban.consultation")
public record ConsultationSettings(@Nullable Path lawsDir, @Nullable Double floor) {

  public double confidenceFloor() {
    return floor == null ? 0.5 : floor;
  }
}
