package org.tongban.unit;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A unit the signed-in person may act for: as its legal representative, or as an agent until a date. */
public record MyUnit(Unit unit, boolean legalRepresentative, Set<AgentScope> scopes, @Nullable LocalDate validUntil) {

  public MyUnit {
    scopes = Set.copyOf(scopes);
  }
}
