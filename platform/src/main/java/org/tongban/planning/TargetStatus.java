package org.tongban.planning;

import org.tongban.indicator.IndicatorValue;

/** Where a target stands in a region: the computed value and a status with a colour and a text label. */
public record TargetStatus(Target target, IndicatorValue value, Status status) {

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
