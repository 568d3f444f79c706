package org.tongban.booking;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.RegionCode;

/**
 * Something residents book by the slot: a court, a museum's visiting hours, library seats.
 *
 * @param department   the department that runs it (the facility's); staff of it manage slots and check tickets in
 * @param slotCapacity places per slot
 * @param feeCents     0 for free (免费开放), otherwise the low fee per booking in fen
 * @param dailyLimit   bookings one person may hold for this resource on one day
 * @param cancelHours  a booking can be cancelled up to this many hours before its slot starts
 */
public record BookableResource(UUID id, String name, String kind, RegionCode region, String department,
                               @Nullable UUID facility,
                               int slotCapacity, int feeCents, int dailyLimit, int cancelHours, boolean generated) {}
