package org.tongban.person;

import java.time.Instant;

/**
 * A person was added to the registry (one by one, by staff; not the bulk of generated residents). Carries the masked
 * ID number only, so that an account waiting for its registry record can be found among a few candidates.
 */
public record ResidentRegistered(PersonId person, String idNumberMasked, Instant at) {}
