package org.tongban.facility;

/** 免费, 低收费 (a price below cost, for 公共文化体育设施) or 收费. */
public enum FeeRule {
  FREE("免费", "Free"), LOW_FEE("低收费", "Low fee"), CHARGED("收费", "Charged");

  private final String zh;
  private final String en;

  FeeRule(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String label(boolean english) {
    return english ? en : zh;
  }
}
