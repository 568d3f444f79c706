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

  /**
   * Records of several departments in one list (cases, facilities, ratings): the condition that keeps those whose
   * region and department one of the current user's scopes for {@code purpose} covers.
   */
  public ScopeCondition condition(Purpose purpose, String regionColumn, String departmentColumn) {
    if (!regionColumn.matches("[a-z_.]+") || !departmentColumn.matches("[a-z_.]+")) {
      throw new IllegalArgumentException("column names are constants: " + regionColumn + ", " + departmentColumn);
    }
    var byDepartment = new java.util.TreeMap<String, TreeSet<String>>();
    for (Scope s : scopes()) {
      if (s.purpose().grants(purpose)) byDepartment.computeIfAbsent(s.department(), d -> new TreeSet<>()).add(s.pattern());
    }
    if (byDepartment.isEmpty()) return new ScopeCondition("false", java.util.List.of());
    var terms = new java.util.ArrayList<String>();
    var parameters = new java.util.ArrayList<Object>();
    byDepartment.forEach((department, patterns) -> {
      String[] likes = patterns.contains("%") ? new String[] {"%"} : patterns.toArray(String[]::new);
      if (department.equals(Scope.ANY_DEPARTMENT)) {
        terms.add(regionColumn + " like any(?)");
      } else {
        terms.add("(" + departmentColumn + " = ? and " + regionColumn + " like any(?))");
        parameters.add(department);
      }
      parameters.add(likes);
    });
    return new ScopeCondition("(" + String.join(" or ", terms) + ")", parameters);
  }

  /** The current staff member's scopes; none for residents and anonymous callers. */
  public Set<Scope> scopes() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof ScopedPrincipal p) return p.scopes();
    return Set.of();
  }

  /**
   * Where a staff page opens when no region is asked for: the widest region of the current staff member's scopes
   * (the province for a provincial officer, her village for a village doctor); null for a scope without a region
   * ("everywhere") or none.
   */
  public @Nullable RegionCode widestRegion() {
    return scopes().stream().map(Scope::region).filter(java.util.Objects::nonNull)
        .min(java.util.Comparator.comparing((RegionCode r) -> r.level().number())).orElse(null);
  }

  public @Nullable String officeId() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof ScopedPrincipal p ? p.officeId() : null;
  }
}
