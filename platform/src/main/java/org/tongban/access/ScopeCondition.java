package org.tongban.access;

import java.util.List;

/**
 * A SQL condition selecting the records the current user may reach by region and department, with its bound
 * parameters: {@code (dept_col = ? and region_col like any(?)) or …}, one term per department the user has scopes
 * for ({@code region_col like any(?)} alone for scopes of every department). Each term can use the region index.
 * {@code "false"} when nothing may be reached. Column names come from code, never from a request.
 */
public record ScopeCondition(String sql, List<Object> parameters) {

  public ScopeCondition {
    parameters = List.copyOf(parameters);
  }

  public boolean isEmpty() {
    return sql.equals("false");
  }
}
