package org.tongban.unit;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.tongban.person.PersonId;

/** An authorisation of a person (经办人) to act for a unit, with what they may do and until when. */
public record Agent(UUID id, UUID unitId, PersonId person, String personName, String idNumberMasked,
                    Set<AgentScope> scopes, LocalDate validUntil, boolean active) {

  public Agent {
    scopes = Set.copyOf(scopes);
  }
}
