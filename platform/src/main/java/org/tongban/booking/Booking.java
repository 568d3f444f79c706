package org.tongban.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.person.PersonId;

/** A resident's booking of one place in one slot; {@code ticket} is what the QR code carries. */
public record Booking(UUID id, UUID slot, UUID resource, PersonId person, LocalDate day, Status status, String ticket,
                      Instant createdAt, @Nullable Instant cancelledAt, @Nullable Instant checkedInAt) {

  public enum Status { CONFIRMED, CANCELLED, CHECKED_IN, NO_SHOW }
}
