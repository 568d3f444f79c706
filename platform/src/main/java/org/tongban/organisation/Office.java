package org.tongban.organisation;

import org.jspecify.annotations.Nullable;
import org.tongban.shared.RegionCode;

/** A department at a region. {@code generated} marks demo data that is not real. */
public record Office(OfficeId id, String department, RegionCode region, OfficeKind kind, String name,
                     @Nullable String address, @Nullable String phone, boolean generated, int version) {}
