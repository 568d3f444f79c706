package org.tongban.casework;

/** What staff do with the step a case is waiting on. Which actions a step allows is checked on use. */
public enum CaseAction {
  /** 预审通过 (and hand on to the competent office when it is elsewhere). */
  PASS,
  /** 一次性告知补正: ask the applicant for more or corrected materials (reason required; clock pauses). */
  SUPPLEMENT,
  /** 不予受理 (reason required). */
  REFUSE,
  /** 受理. */
  ACCEPT,
  /** 退回: the competent office sends the application back to the receiving office (reason required). */
  RETURN,
  /** 审查同意. */
  AGREE,
  /** 审查不同意 (reason required); the decision step sees the objection. */
  OBJECT,
  /** 准予. */
  APPROVE,
  /** 不予 (reason required). */
  DENY,
  /** 送达. */
  DELIVER
}
