package org.tongban.booking;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A booking with what its holder needs to see: the place (the facility's name), the resource, the slot's times and
 * the fee (fen, 0 = free).
 */
public record BookingLine(Booking booking, String resourceName, @Nullable UUID facility, @Nullable String facilityName,
                          Instant startsAt, Instant endsAt, int feeCents, boolean extended) {}
