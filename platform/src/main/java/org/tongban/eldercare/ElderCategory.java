package org.tongban.eldercare;

/** Why an older person is on the visit register (特殊困难老年人, 《"十四五"国家老龄事业发展和养老服务体系规划》). */
public enum ElderCategory {
  LIVING_ALONE("独居", "Living alone"), LEFT_BEHIND("留守", "Left behind"), DISABLED("失能或残疾", "Disabled"),
  VERY_OLD("高龄（80 周岁以上）", "Aged 80 or over"), LOW_INCOME("低收入或经济困难", "Low income");

  private final String zh;
  private final String en;

  ElderCategory(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String label(boolean english) {
    return english ? en : zh;
  }
}
