package org.tongban.identity.internal;

import java.util.HashSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.tongban.access.Caller;
import org.tongban.access.Callers;
import org.tongban.access.ScopedPrincipal;
import org.tongban.identity.SmartLaunch;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.tongban.organisation.OfficeId;
import org.tongban.organisation.OrganisationDirectory;
import org.tongban.shared.ActingUnit;

/**
 * Resolves the caller from the security context once per request (kept as a request attribute, tied to the
 * authentication it was made from, so a sign-in within the request resolves anew). Outside requests it resolves on
 * every call.
 */
@Component
class RequestCallers implements Callers {

  private static final String ATTRIBUTE = RequestCallers.class.getName();
  private final JdbcClient jdbc;
  private final OrganisationDirectory organisations;

  private final KioskTerminals terminals;

  RequestCallers(JdbcClient jdbc, OrganisationDirectory organisations, KioskTerminals terminals) {
    this.terminals = terminals;
    this.jdbc = jdbc;
    this.organisations = organisations;
  }

  /** A resolved caller, valid while the authentication and the checked acting unit are the ones it was made from. */
  private record Resolved(Authentication from, @Nullable Object unit, Caller caller) {}

  @Override
  public Caller current() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) return Caller.PLATFORM;
    var request = RequestContextHolder.getRequestAttributes();
    // Filters ask before the acting unit is checked (an interceptor): a caller resolved then is resolved again after.
    var unit = request == null ? null : request.getAttribute(ActingUnit.REQUEST_KEY, RequestAttributes.SCOPE_REQUEST);
    if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Resolved r
        && r.from() == auth && r.unit() == unit) {
      return r.caller();
    }
    var caller = resolve(auth);
    if (request != null) request.setAttribute(ATTRIBUTE, new Resolved(auth, unit, caller), RequestAttributes.SCOPE_REQUEST);
    return caller;
  }

  private Caller resolve(Authentication auth) {
    var roles = new HashSet<String>();
    for (GrantedAuthority a : auth.getAuthorities()) {
      if (a.getAuthority() != null && a.getAuthority().startsWith("ROLE_")) roles.add(a.getAuthority().substring(5));
      // A system's bearer token: its OAuth scopes, kept with their prefix (SCOPE_system/*.read).
      if (a.getAuthority() != null && a.getAuthority().startsWith("SCOPE_")) roles.add(a.getAuthority());
    }
    UUID person = null;
    String name = auth.getName();
    if (auth.getPrincipal() instanceof ResidentUser resident) {
      person = jdbc.sql("select person_id from identity.resident_account where id = ?").param(resident.account())
          .query(UUID.class).optional().orElse(null);
    }
    // SMART App Launch: an app's token for a resident names her as the patient in context; the app is the caller.
    if (auth instanceof JwtAuthenticationToken jwt && jwt.getToken().getClaimAsString(SmartLaunch.PATIENT_CLAIM) != null
        && roles.stream().anyMatch(r -> r.startsWith("SCOPE_patient/"))) {
      person = UUID.fromString(jwt.getToken().getClaimAsString(SmartLaunch.PATIENT_CLAIM));
      var audience = jwt.getToken().getAudience();
      name = audience == null || audience.isEmpty() ? name : audience.getFirst();
    }
    String office = null;
    String department = null;
    var scopes = new HashSet<org.tongban.access.Scope>();
    if (auth.getPrincipal() instanceof ScopedPrincipal staff) {
      scopes.addAll(staff.scopes());
      office = staff.officeId();
      if (office != null) {
        department = organisations.find(OfficeId.of(office)).map(o -> o.department()).orElse(null);
      }
    }
    var request = RequestContextHolder.getRequestAttributes();
    var unit = request == null ? null
        : request.getAttribute(ActingUnit.REQUEST_KEY, RequestAttributes.SCOPE_REQUEST) instanceof ActingUnit u ? u : null;
    String kiosk = request instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
        ? terminals.officeOf(servlet.getRequest()) : null;
    return new Caller(name, person, office, department, roles, scopes, unit, kiosk);
  }
}
