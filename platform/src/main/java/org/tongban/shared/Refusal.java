package org.tongban.shared;

import java.util.List;

/**
 * An expected refusal: a rule said no. Carries a readable code such as {@code person.duplicate-id-number};
 * the web layer turns it into an RFC 9457 problem detail whose title and detail come from the messages
 * {@code problem.<code>.title} and {@code problem.<code>} in the request's language, formatted with
 * {@link #arguments()}.
 */
public abstract class Refusal extends RuntimeException {

  private final String code;
  private final int status;
  private final Object[] arguments;
  private final List<FieldProblem> problems;

  protected Refusal(String code, int status, Object... arguments) {
    this(code, status, List.of(), arguments);
  }

  /** A refusal listing every field problem at once (bulk validation). */
  protected Refusal(String code, int status, List<FieldProblem> problems, Object... arguments) {
    super(code);
    this.code = code;
    this.status = status;
    this.arguments = arguments.clone();
    this.problems = List.copyOf(problems);
  }

  /** Field problems, empty unless the refusal is about several fields. */
  public List<FieldProblem> problems() {
    return problems;
  }

  public String code() {
    return code;
  }

  /** HTTP status the refusal maps to (400, 404, 409 …). */
  public int status() {
    return status;
  }

  public Object[] arguments() {
    return arguments.clone();
  }
}
