package org.tongban.insurance;

import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.RegionCode;

/** 参保登记: a person in an insurance, through a unit, as a flexible worker, or in a residents' scheme; open while {@code to} is null. */
public record Enrolment(UUID id, UUID person, Insurance insurance, String scheme, @Nullable UUID unit,
                        RegionCode region, YearMonth from, @Nullable YearMonth to, @Nullable String endReason,
                        boolean generated) {

  public boolean covers(YearMonth month) {
    return !month.isBefore(from) && (to == null || !month.isAfter(to));
  }
}
