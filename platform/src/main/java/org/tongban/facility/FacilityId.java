package org.tongban.facility;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A facility's id; in JSON and URLs the plain UUID. */
public record FacilityId(UUID value) {

  @JsonCreator
  public static FacilityId of(String text) {
    return new FacilityId(UUID.fromString(text));
  }

  @JsonValue
  @Override
  public String toString() {
    return value.toString();
  }
}
