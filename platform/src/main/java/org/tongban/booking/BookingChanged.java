package org.tongban.booking;

import java.util.UUID;

/**
 * A booking was made, cancelled, checked in or marked a no-show; published inside that change's transaction (the
 * exchange shares it as {@code booking.bookings}).
 */
public record BookingChanged(UUID booking) {}
