package org.tongban.employment;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A vacancy as the unit types it: pay in yuan per month ("4500"), the place as a region code, closing date. */
public record NewVacancy(@Nullable String title, @Nullable String occupation, @Nullable Integer openings,
                         @Nullable String payMin, @Nullable String payMax, @Nullable String region,
                         @Nullable String address, @Nullable String requirements, @Nullable LocalDate closingDate) {}
