package org.tongban.bench;

import org.tongban.shared.IdNumber;

/** Prints a valid 公民身份号码 completed from its first 17 digits (for benchmark set-up scripts). */
public final class ValidIdNumber {

  public static void main(String[] args) {
    System.out.println(IdNumber.complete(args[0]).value());
  }
}
