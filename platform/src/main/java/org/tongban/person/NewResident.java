package org.tongban.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What a clerk enters to register a resident. Regions are 12-digit village or community codes. */
public record NewResident(
    @NotBlank @Size(max = 50) String name,
    @NotBlank @Size(max = 18) String idNumber,
    @Nullable @Size(max = 20) String phone,
    @NotBlank @Pattern(regexp = "\\d{12}") String householdRegion,
    @NotBlank @Pattern(regexp = "\\d{12}") String residenceRegion) {}
