package org.tongban.employment;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A vacancy as the unit types it: pay in yuan per month ("4500"), the place as a region code, closing date, and the
 * occupation's major group (1–8) when picked (found from the occupation's words otherwise).
 */
public record NewVacancy(@Nullable String title, @Nullable String occupation, @Nullable Integer openings,
                         @Nullable String payMin, @Nullable String payMax, @Nullable String region,
                         @Nullable String address, @Nullable String requirements, @Nullable LocalDate closingDate,
                         @Nullable Integer occupationGroup) {

  public NewVacancy(@Nullable String title, @Nullable String occupation, @Nullable Integer openings,
                    @Nullable String payMin, @Nullable String payMax, @Nullable String region,
                    @Nullable String address, @Nullable String requirements, @Nullable LocalDate closingDate) {
    this(title, occupation, openings, payMin, payMax, region, address, requirements, closingDate, null);
  }
}
