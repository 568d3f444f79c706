package org.tongban.employment;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.RegionCode;

/** A minimum wage as a province's notice sets it for a region (a province, city or county), from a date. */
public record MinimumWage(UUID id, RegionCode region, int monthlyCents, @Nullable Integer hourlyCents, String notice,
                          LocalDate effectiveFrom) {}
