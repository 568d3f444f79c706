package org.tongban.insurance;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.RegionCode;

/**
 * A social security card with its state as it stands now: a temporary loss whose days have passed reads ACTIVE again.
 * {@code number} is shown masked except to its holder.
 */
public record Card(UUID id, UUID person, String number, RegionCode city, Status status, Instant issuedAt,
                   @Nullable Instant activatedAt, @Nullable Instant lostAt, @Nullable Instant lostUntil,
                   @Nullable String lostChannel) {

  public enum Status {
    ISSUED, ACTIVE, TEMP_LOST, LOST, REPLACED, CANCELLED;

    /** The card may be used (at a window, a venue, for the electronic card). */
    public boolean usable() {
      return this == ACTIVE;
    }

    public boolean inForce() {
      return this == ISSUED || this == ACTIVE || this == TEMP_LOST;
    }
  }

  public String maskedNumber() {
    return number.substring(0, 2) + "*****" + number.substring(number.length() - 2);
  }
}
