package org.tongban.insurance;

import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.RegionCode;

/**
 * A benefit granted from the record: 失业保险金 for {@code months} from {@code start}, or a basic pension with no end.
 * {@code inputs} is the JSON of every figure and rule it was computed from.
 */
public record Award(UUID id, UUID person, String benefit, RegionCode region, YearMonth start, @Nullable Integer months,
                    long monthlyCents, String status, @Nullable String stopReason, @Nullable YearMonth stoppedMonth,
                    String inputs, int monthsPaid, boolean generated) {

  /** The last month paid under the award (unemployment), or null for a pension. */
  public @Nullable YearMonth lastMonth() {
    return months == null ? null : start.plusMonths(months - 1);
  }
}
