package org.tongban.access;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.RegionCode;

/**
 * One grant: {@code purpose} on records inside {@code region} (everywhere when null) of {@code department}
 * ({@link #ANY_DEPARTMENT} for all). Serializable: a staff member's scopes travel in her session (in PostgreSQL).
 */
public record Scope(@Nullable RegionCode region, String department, Purpose purpose) implements Serializable {

  public static final String ANY_DEPARTMENT = "*";

  public static Scope everywhere(Purpose purpose) {
    return new Scope(null, ANY_DEPARTMENT, purpose);
  }

  /** Covers a record of {@code department} (null: a record that belongs to no department) at {@code at}. */
  public boolean covers(RegionCode at, @Nullable String recordDepartment, Purpose wanted) {
    return purpose.grants(wanted)
        && (region == null || at.isWithin(region))
        && (department.equals(ANY_DEPARTMENT) || recordDepartment == null || department.equals(recordDepartment));
  }

  /** SQL LIKE pattern for the region column; built from a validated code, never from request text. */
  String pattern() {
    return region == null ? "%" : region.prefix() + "%";
  }
}
