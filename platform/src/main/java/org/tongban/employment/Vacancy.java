package org.tongban.employment;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.RegionCode;

/**
 * A posted vacancy. {@code wageChecked} says whether a minimum wage was on record for its place when it was checked;
 * {@code generated} marks demo data.
 */
public record Vacancy(UUID id, UUID unitId, String unitCode, String unitName, String title, String occupation,
                      int openings, int payMinCents, int payMaxCents, RegionCode region, @Nullable String address,
                      String requirements, LocalDate closingDate, VacancyStatus status, boolean wageChecked,
                      @Nullable String suspendedReason, boolean generated, int version) {}
