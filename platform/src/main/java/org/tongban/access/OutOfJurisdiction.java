package org.tongban.access;

import org.tongban.shared.Refusal;

/**
 * The record lies outside the caller's jurisdiction. Answered as 404, the same as a record that does not
 * exist, so that ids of other regions cannot be probed.
 */
public final class OutOfJurisdiction extends Refusal {
  public OutOfJurisdiction(String kind) {
    super("access.not-found", 404, kind);
  }
}
