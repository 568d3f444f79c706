package org.tongban.indicator;

import org.jspecify.annotations.Nullable;
import org.tongban.shared.RegionCode;

/**
 * An indicator's value for a region and year, with what it was computed from. {@code value} is null when it
 * cannot be computed there (no population below county level, an empty denominator, no source yet); {@code note}
 * says why or what was used.
 */
public record IndicatorValue(String indicator, RegionCode region, int year, @Nullable Double value, long numerator,
                             @Nullable Long denominator, @Nullable String note) {}
