package org.tongban.shared;

import java.io.Serializable;
import java.util.List;

/**
 * One problem with one field of a submitted form or record, for refusals that collect every problem before
 * answering. {@code code} names a message {@code problem.field.<code>} formatted with {@code arguments}.
 */
public record FieldProblem(String field, String code, List<Object> arguments) implements Serializable {

  public FieldProblem {
    arguments = List.copyOf(arguments);
  }

  public static FieldProblem of(String field, String code, Object... arguments) {
    return new FieldProblem(field, code, List.of(arguments));
  }
}
