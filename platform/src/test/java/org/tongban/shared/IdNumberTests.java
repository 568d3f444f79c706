package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumberTests {

  // GB 11643-1999 appendix example.
  private static final String EXAMPLE = "11010519491231002X";

  @Test
  void acceptsTheStandardsExampleWithCheckCharacterX() {
    var id = new IdNumber(EXAMPLE);
    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(id.sex()).isEqualTo(IdNumber.Sex.FEMALE);
  }

  @Test
  void normalisesLowerCaseXAndSpaces() {
    assertThat(new IdNumber(" 11010519491231002x ").value()).isEqualTo(EXAMPLE);
  }

  @Test
  void computesCheckCharacterFromWeights() {
    assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    assertThat(IdNumber.complete("21010219800101001").value()).hasSize(18);
  }

  @Test
  void refusesWrongCheckCharacter() {
    assertThatThrownBy(() -> new IdNumber("110105194912310021"))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("person.invalid-id-number.check"));
  }

  @Test
  void refusesImpossibleBirthDate() {
    String feb30 = "21010219800230001";
    assertThatThrownBy(() -> IdNumber.complete(feb30))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("person.invalid-id-number.birth-date"));
  }

  @Test
  void refusesFutureBirthDateAndWrongLength() {
    assertThatThrownBy(() -> IdNumber.complete("21010230000101001")).isInstanceOf(IdNumber.InvalidIdNumber.class);
    assertThatThrownBy(() -> new IdNumber("2101021980010100")).isInstanceOf(IdNumber.InvalidIdNumber.class);
    assertThatThrownBy(() -> new IdNumber("21010219800101001A")).isInstanceOf(IdNumber.InvalidIdNumber.class);
  }

  @Test
  void oddSequenceIsMaleEvenIsFemale() {
    assertThat(IdNumber.complete("21010219800101001").sex()).isEqualTo(IdNumber.Sex.MALE);
    assertThat(IdNumber.complete("21010219800101002").sex()).isEqualTo(IdNumber.Sex.FEMALE);
  }

  @Test
  void acceptsRetiredAddressCode() {
    // People keep their number when their county is renamed or merged; 512501 is not a current county code.
    assertThat(IdNumber.complete("51250119700101001").addressCode()).isEqualTo("512501");
  }

  @Test
  void neverPrintsTheFullNumber() {
    var id = new IdNumber(EXAMPLE);
    assertThat(id.toString()).isEqualTo("110***********002X").doesNotContain("19491231");
    assertThat(id.masked()).isEqualTo(id.toString());
  }
}
