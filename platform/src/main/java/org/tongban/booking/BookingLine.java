package org.tongban.booking;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A booking with what its holder needs to see: the resource, the slot's times and the fee (fen, 0 = free). */
public record BookingLine(Booking booking, String resourceName, @Nullable UUID facility, Instant startsAt,
                          Instant endsAt, int feeCents, boolean extended) {}
