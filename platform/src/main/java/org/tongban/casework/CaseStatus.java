package org.tongban.casework;

/** Where a case stands. The clock runs in every open status except {@link #SUPPLEMENT}. */
public enum CaseStatus {
  /** 预审: the receiving office checks the application and materials. */
  PRE_REVIEW("预审中", "Pre-check"),
  /** 补正: the applicant must add or correct materials; the clock pauses. */
  SUPPLEMENT("待补正", "Awaiting corrections"),
  /** 受理: the competent office decides whether to accept. */
  AWAITING_ACCEPTANCE("待受理", "Awaiting acceptance"),
  /** 审查. */
  UNDER_REVIEW("审查中", "Under review"),
  /** 决定. */
  AWAITING_DECISION("待决定", "Awaiting decision"),
  /** 办结, the result is being delivered (送达). */
  AWAITING_DELIVERY("已办结待送达", "Decided, being delivered"),
  /** 送达: finished. */
  DELIVERED("已办结", "Finished"),
  /** 不予受理 (with a reason). */
  NOT_ACCEPTED("不予受理", "Not accepted"),
  /** 撤回 by the applicant. */
  WITHDRAWN("已撤回", "Withdrawn");

  private final String zh;
  private final String en;

  CaseStatus(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  public boolean open() {
    return this != DELIVERED && this != NOT_ACCEPTED && this != WITHDRAWN;
  }
}
