package org.tongban.person;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A change to a resident's contact or residence; null fields stay as they are. */
public record ResidentChange(
    @Min(0) int version,
    @Nullable @Size(max = 20) String phone,
    @Nullable @Pattern(regexp = "\\d{12}") String residenceRegion) {}
