package org.tongban.casework;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The steps of the case workflows (the user tasks of the BPMN templates in {@code processes/}): the status a case
 * shows while it waits there and the actions staff may take at it, in the order a clerk reads them. The service
 * checks actions against this table, the pages show buttons from it, and the API lists them: one table, not three.
 */
public enum CaseStep {
  PRE_REVIEW("preReview", CaseStatus.PRE_REVIEW, CaseAction.PASS, CaseAction.SUPPLEMENT, CaseAction.REFUSE),
  /** The applicant supplies what pre-check asked for (the clock is not running yet). */
  SUPPLEMENT_AT_PRE_REVIEW("supplementPre", CaseStatus.SUPPLEMENT),
  ACCEPT("accept", CaseStatus.AWAITING_ACCEPTANCE, CaseAction.ACCEPT, CaseAction.SUPPLEMENT, CaseAction.RETURN,
      CaseAction.REFUSE),
  /** The applicant supplies what the competent office asked for. */
  SUPPLEMENT_AT_ACCEPTANCE("supplementAccept", CaseStatus.SUPPLEMENT),
  /** 即办件: accepted and decided in one step. */
  HANDLE("handle", CaseStatus.AWAITING_ACCEPTANCE, CaseAction.APPROVE, CaseAction.DENY, CaseAction.RETURN,
      CaseAction.REFUSE),
  TOWNSHIP_REVIEW("townshipReview", CaseStatus.UNDER_REVIEW, CaseAction.AGREE, CaseAction.OBJECT),
  REVIEW("review", CaseStatus.UNDER_REVIEW, CaseAction.AGREE, CaseAction.OBJECT),
  DECIDE("decide", CaseStatus.AWAITING_DECISION, CaseAction.APPROVE, CaseAction.DENY),
  DELIVER("deliver", CaseStatus.AWAITING_DELIVERY, CaseAction.DELIVER);

  private final String key;
  private final CaseStatus status;
  private final List<CaseAction> actions;

  CaseStep(String key, CaseStatus status, CaseAction... actions) {
    this.key = key;
    this.status = status;
    this.actions = List.of(actions);
  }

  /** The task id in the BPMN templates. */
  public String key() {
    return key;
  }

  public CaseStatus status() {
    return status;
  }

  /** What staff may do here; empty where the applicant's turn it is. */
  public List<CaseAction> actions() {
    return actions;
  }

  public boolean allows(CaseAction action) {
    return actions.contains(action);
  }

  public static Optional<CaseStep> of(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }
}
