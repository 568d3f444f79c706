package org.tongban.access;

import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.tongban.shared.RegionCode;

/**
 * The single enforcement point for scoped data. Repositories ask it for a {@link RegionFilter} before they
 * list or search, and call {@link #require} before they return or change one record. Nobody checks scopes by
 * hand in a controller.
 */
@Component
public class Jurisdiction {

  /** Refuses (as "not found") unless the current user may act for {@code purpose} on the record. */
  public void require(RegionCode recordRegion, @Nullable String recordDepartment, Purpose purpose, String kind) {
    if (!allows(recordRegion, recordDepartment, purpose)) throw new OutOfJurisdiction(kind);
  }

  public boolean allows(RegionCode recordRegion, @Nullable String recordDepartment, Purpose purpose) {
    return scopes().stream().anyMatch(s -> s.covers(recordRegion, recordDepartment, purpose));
  }

  /** Regions the current user may see records of, for records of {@code department} (null: any). */
  public RegionFilter filter(Purpose purpose, @Nullable String department) {
    var patterns = new TreeSet<String>();
    for (Scope s : scopes()) {
      if (!s.purpose().grants(purpose)) continue;
      if (department != null && !s.department().equals(Scope.ANY_DEPARTMENT) && !s.department().equals(department)) {
        continue;
      }
      patterns.add(s.pattern());
    }
    if (patterns.contains("%")) return new RegionFilter(java.util.List.of("%"));
    return new RegionFilter(java.util.List.copyOf(patterns));
  }

  /** The current staff member's scopes; none for residents and anonymous callers. */
  public Set<Scope> scopes() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof ScopedPrincipal p) return p.scopes();
    return Set.of();
  }

  public @Nullable String officeId() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof ScopedPrincipal p ? p.officeId() : null;
  }
}
