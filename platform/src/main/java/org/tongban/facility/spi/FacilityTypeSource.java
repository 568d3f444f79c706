package org.tongban.facility.spi;

import java.util.List;

/** Implemented by a domain module that brings facility types (codes start with the module's name). */
public interface FacilityTypeSource {

  List<FacilityType> facilityTypes();

  /** Facts the module derives from its facilities, for the plans' indicators. */
  default List<FacilityFact> facilityFacts() {
    return List.of();
  }
}
