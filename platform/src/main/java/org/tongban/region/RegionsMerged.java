package org.tongban.region;

import java.time.LocalDate;
import org.tongban.shared.RegionCode;

/** A unit was merged into another from {@code day}: what was recorded for {@code retired} now belongs to {@code into}. */
public record RegionsMerged(RegionCode retired, RegionCode into, LocalDate day) {}
