package org.tongban.facility;

import java.util.List;

/**
 * What an import did. Rows count from 2 (row 1 is the header), as a spreadsheet shows them.
 *
 * @param rows       data rows read
 * @param imported   facilities saved (0 when {@code committed} is false)
 * @param rejected   rows with at least one problem
 * @param committed  whether anything was saved: false when {@link ImportMode#ALL_OR_NOTHING} met a problem
 * @param problems   the first 1,000 problems, in row order; {@code problemCount} counts them all
 */
public record ImportReport(int rows, int imported, int rejected, boolean committed, List<RowProblem> problems,
                           long problemCount) {

  public ImportReport {
    problems = List.copyOf(problems);
  }

  /** One problem: spreadsheet row, column header, and a message code {@code problem.field.<code>}. */
  public record RowProblem(int row, String column, String code, List<Object> arguments) {}
}
