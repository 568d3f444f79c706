package org.tongban.employment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.tongban.shared.RegionCode;

/**
 * A job seeker's record (求职登记). {@code difficulty} says an approved 就业困难人员认定 case names them (a key group the
 * service gives priority); {@code findable}: employers may find them among recommended seekers.
 */
public record Seeker(UUID personId, String name, Education education, List<String> skills, String occupation,
                     RegionCode region, int payCents, LocalDate availableFrom, boolean findable, boolean difficulty,
                     Instant updatedAt) {

  public Seeker {
    skills = List.copyOf(skills);
  }

  /** 学历. */
  public enum Education { JUNIOR, SENIOR, COLLEGE, BACHELOR, POSTGRADUATE }
}
