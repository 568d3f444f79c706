package org.tongban.casework.spi;

import java.util.Optional;
import java.util.UUID;

/** A domain module's records that cases may fetch for an applicant (a material's {@code heldAs} code). */
public interface HeldRecordSource {

  /** Whether this source answers for {@code heldAs} (codes begin with the module's department, e.g. {@code hrss.}). */
  boolean holds(String heldAs);

  /**
   * What the platform holds of {@code heldAs} for the person, in words for the case file ("参保缴费记录：职工养老 240 个月"),
   * or empty when it holds nothing: then the applicant uploads it.
   */
  Optional<String> describe(String heldAs, UUID person);
}
