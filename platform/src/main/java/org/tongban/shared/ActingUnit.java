package org.tongban.shared;

import java.util.Set;
import java.util.UUID;

/**
 * The unit (法人单位) a signed-in person acts for in this request, checked against their authorisation: its id, credit
 * code and name, and what they may do for it ({@code APPLY}, {@code RECRUIT}, {@code VIEW}; a legal representative
 * all). Kept in the session under {@link #SESSION_KEY} (the unit's id) and, once checked, in the request under
 * {@link #REQUEST_KEY}.
 */
public record ActingUnit(UUID id, String creditCode, String name, Set<String> scopes) {

  public static final String SESSION_KEY = "tongban.acting-unit";
  public static final String REQUEST_KEY = ActingUnit.class.getName();

  public ActingUnit {
    scopes = Set.copyOf(scopes);
  }
}
