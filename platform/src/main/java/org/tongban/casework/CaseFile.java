package org.tongban.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.organisation.OfficeId;
import org.tongban.person.PersonId;
import org.tongban.shared.RegionCode;
import org.tongban.shared.Relation;
import tools.jackson.databind.JsonNode;

/**
 * A case as its participants see it. {@code receivedBy} took the application in; {@code competentOffice}
 * decides; {@code waitingOn} is the office (or the applicant, when null and {@link CaseStatus#SUPPLEMENT})
 * whose turn it is.
 */
public record CaseFile(CaseId id, String number, String item, int itemVersion, String itemName, String department,
                       String workflow, PersonId applicant, String applicantName, Channel channel,
                       OfficeId receivedBy, RegionCode receivedRegion, OfficeId competentOffice,
                       RegionCode competentRegion, @Nullable OfficeId townshipOffice, CaseStatus status,
                       @Nullable OfficeId waitingOn, @Nullable String waitingStep, @Nullable String decision,
                       JsonNode form, @Nullable UUID bundle, @Nullable String lifeEvent, String filedBy,
                       @Nullable String authorisation, Instant submittedAt, @Nullable Instant decidedAt,
                       @Nullable Instant finishedAt, int limitDays, String limitUnit, @Nullable LocalDate dueDate,
                       @Nullable LocalDate pausedSince, boolean generated, int version, @Nullable Subject subject,
                       @Nullable ForUnit unit) {

  /** A case filed in a unit's name (法人办事): the unit as it was when filed. */
  public record ForUnit(UUID id, String creditCode, String name) {}

  /** 为家人申请: the relative the case is for, and how they stand to the applicant (the applicant's child …). */
  public record Subject(PersonId id, String name, Relation relation) {}

  /** green, yellow (near the limit) or red (past it), for open cases on {@code today}. */
  public Deadline deadline(LocalDate today) {
    return Deadline.of(this, today);
  }
}
