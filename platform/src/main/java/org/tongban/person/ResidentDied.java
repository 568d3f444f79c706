package org.tongban.person;

import java.time.Instant;
import java.time.LocalDate;

/** A death was registered for a resident: benefits stop, cards are cancelled, what was paid after it is recovered. */
public record ResidentDied(PersonId person, LocalDate diedOn, Instant at) {}
