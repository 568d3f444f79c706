package org.tongban.employment;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.RegionCode;

/**
 * A posted vacancy. {@code wageChecked} says whether a minimum wage was on record for its place when it was checked;
 * {@code occupationGroup} is its major group (1–8) of the 2022 classification; {@code publicWelfare}: the labour bureau
 * designated it a 公益性岗位; {@code generated} marks demo data.
 */
public record Vacancy(UUID id, UUID unitId, String unitCode, String unitName, String title, String occupation,
                      int openings, int payMinCents, int payMaxCents, RegionCode region, @Nullable String address,
                      String requirements, LocalDate closingDate, VacancyStatus status, boolean wageChecked,
                      @Nullable String suspendedReason, boolean generated, int version, int occupationGroup,
                      boolean publicWelfare) {}
