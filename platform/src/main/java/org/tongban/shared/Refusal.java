package org.tongban.shared;

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

  protected Refusal(String code, int status, Object... arguments) {
    super(code);
    this.code = code;
    this.status = status;
    this.arguments = arguments.clone();
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
