package org.tongban.shared;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * 公民身份号码 (GB 11643-1999): six-digit address code, eight-digit birth date, three-digit sequence (odd =
 * male), check character. A retired address code is accepted: people keep their number when a county is
 * renamed. {@link #toString()} is masked so that a number never reaches a log by accident.
 */
public record IdNumber(String value) {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  public IdNumber {
    if (value == null) throw new InvalidIdNumber("format");
    value = value.strip().toUpperCase();
    if (value.length() != 18 || !value.substring(0, 17).chars().allMatch(Character::isDigit)) {
      throw new InvalidIdNumber("format");
    }
    if (value.charAt(17) != checkCharacter(value.substring(0, 17))) throw new InvalidIdNumber("check");
    if (value.startsWith("00")) throw new InvalidIdNumber("address");
    try {
      var birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
          Integer.parseInt(value.substring(12, 14)));
      if (birth.getYear() < 1880 || birth.isAfter(LocalDate.now())) throw new InvalidIdNumber("birth-date");
    } catch (DateTimeException e) {
      throw new InvalidIdNumber("birth-date");
    }
  }

  /** Builds a valid number from its first 17 digits by appending the check character. */
  public static IdNumber complete(String first17) {
    return new IdNumber(first17 + checkCharacter(first17));
  }

  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    return CHECK.charAt(sum % 11);
  }

  public LocalDate birthDate() {
    return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
        Integer.parseInt(value.substring(12, 14)));
  }

  public Sex sex() {
    return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
  }

  public String addressCode() {
    return value.substring(0, 6);
  }

  /**
   * GB/T 35273 style display: first 3 and last 4 characters shown, the rest starred
   * ({@code 210***********123X}).
   */
  public String masked() {
    return value.substring(0, 3) + "*".repeat(11) + value.substring(14);
  }

  @Override
  public String toString() {
    return masked();
  }

  public enum Sex { MALE, FEMALE }

  /** The number is not a valid 公民身份号码; {@code reason} is format, check, address or birth-date. */
  public static final class InvalidIdNumber extends Refusal {
    public InvalidIdNumber(String reason) {
      super("person.invalid-id-number." + reason, 400);
    }
  }
}
