package org.tongban.casework;

/**
 * What staff do with the step a case is waiting on. Which steps allow which actions is {@link CaseStep}'s table; the
 * action's name in words is the message {@code case.action.<NAME>}.
 */
public enum CaseAction {
  /** 预审通过 (and hand on to the competent office when it is elsewhere). */
  PASS("pass", false),
  /** 一次性告知补正: ask the applicant for more or corrected materials (reason required; clock pauses). */
  SUPPLEMENT("supplement", true),
  /** 不予受理 (reason required). */
  REFUSE("refuse", true),
  /** 受理: the statutory clock starts. */
  ACCEPT("accept", false),
  /** 退回: the competent office sends the application back to the receiving office (reason required). */
  RETURN("return", true),
  /** 审查同意. */
  AGREE("done", false),
  /** 审查不同意 (reason required); the decision step sees the objection. */
  OBJECT("done", true),
  /** 准予. */
  APPROVE("approve", false),
  /** 不予 (reason required, and it is the decision's stated reason). */
  DENY("deny", true),
  /** 送达. */
  DELIVER("delivered", false);

  private final String outcome;
  private final boolean reasonRequired;

  CaseAction(String outcome, boolean reasonRequired) {
    this.outcome = outcome;
    this.reasonRequired = reasonRequired;
  }

  /** The outcome the BPMN templates' gateways test ({@code ${outcome == 'pass'}} …). */
  public String outcome() {
    return outcome;
  }

  /** Whether the action needs a written reason (it is kept in the timeline, and told to the applicant). */
  public boolean reasonRequired() {
    return reasonRequired;
  }
}
