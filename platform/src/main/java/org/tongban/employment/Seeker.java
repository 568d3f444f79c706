package org.tongban.employment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.RegionCode;

/**
 * A job seeker's record (求职登记). {@code occupationGroup} is the major group (1–8) of the 2022 classification;
 * {@code groups} are the key groups the platform finds the person in, each with what established it;
 * {@code findable}: employers may find them among recommended seekers.
 */
public record Seeker(UUID personId, String name, Education education, List<String> skills, String occupation,
                     int occupationGroup, RegionCode region, int payCents, LocalDate availableFrom,
                     @Nullable LocalDate graduatedOn, boolean findable, List<KeyGroups.Membership> groups,
                     Instant updatedAt) {

  public Seeker {
    skills = List.copyOf(skills);
    groups = List.copyOf(groups);
  }

  /** A recognised 就业困难人员 (an approved case names them). */
  public boolean difficulty() {
    return in(KeyGroup.DIFFICULTY);
  }

  public boolean in(KeyGroup group) {
    return groups.stream().anyMatch(m -> m.group() == group);
  }

  Seeker withGroups(List<KeyGroups.Membership> found) {
    return new Seeker(personId, name, education, skills, occupation, occupationGroup, region, payCents, availableFrom,
        graduatedOn, findable, found, updatedAt);
  }

  /** 学历. */
  public enum Education { JUNIOR, SENIOR, COLLEGE, BACHELOR, POSTGRADUATE }
}
