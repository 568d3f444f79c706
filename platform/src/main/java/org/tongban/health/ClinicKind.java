package org.tongban.health;

/** The kinds of clinic that keep residents' records (基层医疗卫生机构 and hospitals). */
public enum ClinicKind {
  VILLAGE_CLINIC("村卫生室", "Village clinic"),
  TOWNSHIP_HEALTH_CENTRE("乡镇卫生院", "Township health centre"),
  COMMUNITY_HEALTH_CENTRE("社区卫生服务中心（站）", "Community health centre"),
  HOSPITAL("医院", "Hospital");

  private final String zh;
  private final String en;

  ClinicKind(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String label(boolean english) {
    return english ? en : zh;
  }
}
