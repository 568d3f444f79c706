package org.tongban.access;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.ActingUnit;

/**
 * Who is asking, resolved once per request: their principal name, the registry person of a resident, the office
 * and its department of a staff member, their roles (without the {@code ROLE_} prefix; a system's bearer token adds
 * its OAuth scopes with theirs, {@code SCOPE_system/*.read}; a resident's health app launched with SMART is named by its
 * client id, with the resident as {@code person}) and jurisdiction scopes, and
 * the unit (法人) a person acts for in this request, when they chose one and are authorised for it; and the office whose
 * self-service terminal (自助终端) the request comes from, when it does.
 * Services take it from {@link Callers} instead of reading the security context themselves.
 */
public record Caller(String name, @Nullable UUID person, @Nullable String office, @Nullable String officeDepartment,
                     Set<String> roles, Set<Scope> scopes, @Nullable ActingUnit actingUnit, @Nullable String kiosk) {

  /** Work the platform does on its own (start-up, schedules, listeners). */
  public static final Caller PLATFORM = new Caller("platform", null, null, null, Set.of(), Set.of(), null, null);

  public Caller {
    roles = Set.copyOf(roles);
    scopes = Set.copyOf(scopes);
  }

  public boolean has(String role) {
    return roles.contains(role);
  }

  /** A signed-in resident (whether or not their account is linked to a registry person yet). */
  public boolean resident() {
    return has("RESIDENT");
  }

  public boolean staff() {
    return has("STAFF");
  }
}
