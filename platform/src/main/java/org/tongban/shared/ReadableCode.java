package org.tongban.shared;

import java.security.SecureRandom;

/**
 * Random codes people read aloud and type by hand (verification codes, tickets, recovery codes): upper-case
 * letters and digits without 0/O and 1/I/L, from a secure random source.
 */
public final class ReadableCode {

  private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ReadableCode() {}

  public static String random(int length) {
    var sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    return sb.toString();
  }
}
