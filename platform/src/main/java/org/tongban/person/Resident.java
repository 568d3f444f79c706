package org.tongban.person;

import java.time.LocalDate;
import java.time.Period;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.IdNumber;
import org.tongban.shared.RegionCode;

/**
 * A resident as staff see them: the ID number and phone only in masked form. {@code generated} marks demo
 * or benchmark data that belongs to nobody.
 */
public record Resident(PersonId id, String name, String idNumberMasked, LocalDate birthDate, IdNumber.Sex sex,
                       @Nullable String phoneMasked, RegionCode householdRegion, RegionCode residenceRegion,
                       boolean generated, int version) {

  public int ageOn(LocalDate day) {
    return Period.between(birthDate, day).getYears();
  }
}
