package org.tongban.booking;

import java.time.Instant;
import java.util.UUID;

/** A time slot of a resource; {@code extended} marks 延时/错时 opening outside the usual hours. */
public record Slot(UUID id, UUID resource, Instant startsAt, Instant endsAt, int capacity, int booked, boolean extended) {

  public int free() {
    return capacity - booked;
  }
}
