package org.tongban.planning;

import org.tongban.indicator.IndicatorValue;

/**
 * Where a target stands in a region: the computed value, the goal it is measured against (the plan's value, or
 * the value a planner allocated to this region or a region above it), and a status with a colour and a label.
 */
public record TargetStatus(Target target, IndicatorValue value, @org.jspecify.annotations.Nullable Double goal,
                           boolean allocated, Status status) {

  public enum Status {
    MET("达标", "Met", "ok"), NOT_MET("未达标", "Not met", "bad"), NO_DATA("无数据", "No data", "none"),
    DATA_ENTRY("待填报", "Awaits data entry", "none"), NOT_NUMERIC("非数值目标", "Not a number", "none");

    private final String zh;
    private final String en;
    private final String tone;

    Status(String zh, String en, String tone) {
      this.zh = zh;
      this.en = en;
      this.tone = tone;
    }

    public String label(boolean english) {
      return english ? en : zh;
    }

    /** ok, bad or none: the page colours by it and always shows the label too. */
    public String tone() {
      return tone;
    }
  }
}
