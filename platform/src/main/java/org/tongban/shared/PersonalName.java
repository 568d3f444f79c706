package org.tongban.shared;

/** A person's name as shown where the full name is not needed: the first character, the rest starred (张**). */
public final class PersonalName {

  private PersonalName() {}

  public static String masked(String name) {
    if (name.isEmpty()) return name;
    int rest = name.codePointCount(0, name.length()) - 1;
    return new String(Character.toChars(name.codePointAt(0))) + "*".repeat(Math.max(1, rest));
  }
}
