package org.tongban.facility;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.casework.CaseId;

/**
 * An application for a place (托位, 学位, 床位, 上门服务) and where it stands. {@code position} is the place on the
 * facility's waiting list (1 = next), for waiting applications only.
 */
public record Placement(UUID id, FacilityId facility, String facilityName, CaseId caseId, String caseNumber, String item,
                        List<String> priorities, int score, Status status, Instant filedAt, @Nullable Instant decidedAt,
                        @Nullable Integer position) {

  public enum Status {
    WAITING("轮候中", "Waiting"), ADMITTED("已录取/已入住", "Admitted"), DECLINED("未获安排", "Declined"),
    LEFT("已离开", "Left");

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
