package org.tongban.identity;

/** Permissions granted one by one, beyond roles. */
public enum Permission {
  /** Read a resident's full ID number, giving a reason that is audited. */
  PERSON_UNMASK("person:unmask");

  private final String authority;

  Permission(String authority) {
    this.authority = authority;
  }

  public String authority() {
    return authority;
  }
}
