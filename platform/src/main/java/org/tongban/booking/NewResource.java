package org.tongban.booking;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.RegionCode;

/**
 * A bookable resource to open. With a {@code facility}, its region and department are the facility's (the given ones
 * are ignored); without one, both are required and the caller must capture there for that department.
 */
public record NewResource(String name, String kind, @Nullable RegionCode region, @Nullable String department,
                          @Nullable UUID facility, int slotCapacity, int feeCents, int dailyLimit, int cancelHours) {}
