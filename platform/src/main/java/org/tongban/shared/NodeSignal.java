package org.tongban.shared;

/**
 * A change another node made that this node's in-memory copies must follow (the catalogue's search index, cached keys),
 * published as an application event by {@link NodeSignals}; {@link #ANY} after the signals' connection was lost and
 * came back, when a change may have been missed.
 */
public record NodeSignal(String topic) {

  public static final String ANY = "*";

  /** Whether a copy of {@code what} must be refreshed. */
  public boolean about(String what) {
    return topic.equals(what) || topic.equals(ANY);
  }
}
