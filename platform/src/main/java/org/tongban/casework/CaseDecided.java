package org.tongban.casework;

import java.time.Instant;
import org.tongban.shared.RegionCode;

/** The competent office decided a case; {@code withinLimit} tells whether it met its promised limit. */
public record CaseDecided(CaseId id, String item, String department, RegionCode competentRegion, boolean approved,
                          boolean withinLimit, Instant at) {}
