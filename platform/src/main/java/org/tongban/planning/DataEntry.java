package org.tongban.planning;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.RegionCode;

/**
 * A data set for a target the platform has no source for, entered by a township for a year: a numerator and,
 * for a share, a denominator. It goes up for approval (county, then city); once approved it is locked and counts.
 */
public record DataEntry(UUID id, String target, RegionCode region, int year, long numerator, @Nullable Long denominator,
                        Status status, String enteredBy, Instant updatedAt, int version) {

  public enum Status {
    DRAFT("草稿", "Draft"), SUBMITTED("已上报，待县级审核", "Submitted to the county"),
    COUNTY_APPROVED("县级已审核，待市级审核", "Approved by the county, awaits the city"), APPROVED("已审定（锁定）", "Approved (locked)");

    private final String zh;
    private final String en;

    Status(String zh, String en) {
      this.zh = zh;
      this.en = en;
    }

    public String label(boolean english) {
      return english ? en : zh;
    }
  }
}
