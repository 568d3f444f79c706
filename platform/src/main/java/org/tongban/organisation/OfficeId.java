package org.tongban.organisation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record OfficeId(UUID value) {

  @JsonCreator
  public static OfficeId of(String text) {
    return new OfficeId(UUID.fromString(text));
  }

  public static OfficeId random() {
    return new OfficeId(UUID.randomUUID());
  }

  @JsonValue
  @Override
  public String toString() {
    return value.toString();
  }
}
