package org.tongban.unit;

import org.jspecify.annotations.Nullable;

/**
 * A unit as the clerk types it from its licence: credit code, name, kind, industry ("C" or "C13"), size, the region
 * where it is (a county, township or village) and its legal representative's ID number.
 */
public record NewUnit(@Nullable String creditCode, @Nullable String name, @Nullable UnitKind kind,
                      @Nullable String industry, @Nullable UnitSize size, @Nullable String region,
                      @Nullable String legalRepresentativeIdNumber) {}
