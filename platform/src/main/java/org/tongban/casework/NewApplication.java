package org.tongban.casework;

import org.jspecify.annotations.Nullable;
import org.tongban.person.PersonId;
import org.tongban.shared.RegionCode;
import tools.jackson.databind.JsonNode;

/**
 * An application for one item (or, through {@link Casework#applyForLifeEvent}, for a life event).
 *
 * @param applicant        the registry person applying; a resident may only apply for themselves
 * @param region           the stated region for {@link RegionBasis#INSURED}, {@code WORK} and {@code CHOSEN}
 * @param idempotencyKey   the client's key for this submission: a repeated submit returns the same case
 * @param authorisation    帮办代办: how the resident authorised staff to file for them (required for staff)
 * @param subject          为家人申请: the relative the case is for (a child, a parent), when the item allows it and the
 *                         household registry records the relation; null for the applicant themselves
 * @param unit             法人办事 at a window: the unit the applicant present files for (its legal representative or an
 *                         agent authorised to file); residents online act for a unit through the unit switcher instead
 */
public record NewApplication(String item, PersonId applicant, Channel channel, RegionBasis basis,
                             @Nullable RegionCode region, JsonNode form, @Nullable String idempotencyKey,
                             @Nullable String authorisation, @Nullable PersonId subject,
                             java.util.@Nullable UUID unit) {

  /** An application for the applicant or a relative of theirs. */
  public NewApplication(String item, PersonId applicant, Channel channel, RegionBasis basis, @Nullable RegionCode region,
                        JsonNode form, @Nullable String idempotencyKey, @Nullable String authorisation,
                        @Nullable PersonId subject) {
    this(item, applicant, channel, basis, region, form, idempotencyKey, authorisation, subject, null);
  }

  /** An application for the applicant themselves. */
  public NewApplication(String item, PersonId applicant, Channel channel, RegionBasis basis, @Nullable RegionCode region,
                        JsonNode form, @Nullable String idempotencyKey, @Nullable String authorisation) {
    this(item, applicant, channel, basis, region, form, idempotencyKey, authorisation, null, null);
  }
}
