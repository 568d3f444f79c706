package org.tongban.eldercare;

/** What a visitor found the person needs; a need may open a follow-up case. */
public enum VisitNeed {
  MEALS("助餐", "Meals"), BATHING("助浴", "Bathing"), MEDICAL("就医", "Medical care"), CLEANING("保洁", "Cleaning"),
  COMPANY("精神慰藉", "Company"), SAFETY("居家安全", "Home safety"), BENEFITS("政策申办", "Benefits to apply for");

  private final String zh;
  private final String en;

  VisitNeed(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String label(boolean english) {
    return english ? en : zh;
  }
}
