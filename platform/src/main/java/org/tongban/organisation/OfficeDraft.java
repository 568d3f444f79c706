package org.tongban.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What staff enter to open an office. */
public record OfficeDraft(
    @NotBlank @Size(max = 40) String department,
    @NotBlank @Pattern(regexp = "\\d{12}") String region,
    @NotNull OfficeKind kind,
    @NotBlank @Size(max = 100) String name,
    @Nullable @Size(max = 200) String address,
    @Nullable @Size(max = 30) @Pattern(regexp = "[0-9+\\- ]*") String phone) {}
