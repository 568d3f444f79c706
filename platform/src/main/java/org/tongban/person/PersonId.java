package org.tongban.person;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

public record PersonId(UUID value) {

  @JsonCreator
  public static PersonId of(String text) {
    return new PersonId(UUID.fromString(text));
  }

  public static PersonId random() {
    return new PersonId(UUID.randomUUID());
  }

  @JsonValue
  @Override
  public String toString() {
    return value.toString();
  }
}
