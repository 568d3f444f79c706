package org.tongban.casework;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A case's id. The printed case number (办件编号) is separate and meant for people. */
public record CaseId(UUID value) {

  @JsonCreator
  public static CaseId of(String text) {
    return new CaseId(UUID.fromString(text));
  }

  @JsonValue
  @Override
  public String toString() {
    return value.toString();
  }
}
