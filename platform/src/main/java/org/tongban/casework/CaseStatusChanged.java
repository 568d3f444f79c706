package org.tongban.casework;

import java.time.Instant;
import org.tongban.person.PersonId;

/** A case moved to another status (also on submission). Drives notices to the applicant. */
public record CaseStatusChanged(CaseId id, String number, PersonId applicant, String itemName, CaseStatus status,
                                Instant at) {}
