package org.tongban.facility;

import java.util.UUID;

public record FacilityId(UUID value) {

  public static FacilityId of(String text) {
    return new FacilityId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
