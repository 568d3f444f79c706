package org.tongban.shared;

/** A mainland mobile number (11 digits starting with 1). Masked as {@code 138****5678} when printed. */
public record PhoneNumber(String value) {

  public PhoneNumber {
    if (value == null) throw new InvalidPhoneNumber();
    value = value.strip().replace(" ", "").replace("-", "");
    if (value.startsWith("+86")) value = value.substring(3);
    if (value.length() != 11 || value.charAt(0) != '1' || !value.chars().allMatch(Character::isDigit)) {
      throw new InvalidPhoneNumber();
    }
  }

  public String masked() {
    return value.substring(0, 3) + "****" + value.substring(7);
  }

  @Override
  public String toString() {
    return masked();
  }

  public static final class InvalidPhoneNumber extends Refusal {
    public InvalidPhoneNumber() {
      super("person.invalid-phone", 400);
    }
  }
}
