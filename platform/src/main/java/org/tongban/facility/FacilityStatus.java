package org.tongban.facility;

/** Where a facility stands; only {@link #OPEN} facilities count towards places and coverage. */
public enum FacilityStatus {
  PLANNED("规划中", "Planned"), BUILDING("在建", "Under construction"), OPEN("运营中", "Open"), CLOSED("已关闭", "Closed");

  private final String zh;
  private final String en;

  FacilityStatus(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String label(boolean english) {
    return english ? en : zh;
  }
}
