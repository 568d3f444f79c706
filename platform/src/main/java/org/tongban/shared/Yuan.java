package org.tongban.shared;

import java.math.BigDecimal;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** Amounts of money as typed by people ("15", "12.50", "1,850") and kept as fen. */
public final class Yuan {

  private Yuan() {
  }

  /**
   * An amount typed in yuan as fen: at most two decimals, not negative, not above {@code maxYuan}; thousands separators
   * (half- or full-width commas) allowed. Empty when the text is not such an amount.
   */
  public static OptionalLong cents(@Nullable String typed, long maxYuan) {
    if (typed == null || typed.isBlank() || typed.length() > 20) return OptionalLong.empty();
    try {
      var amount = new BigDecimal(typed.strip().replace(",", "").replace("，", ""));
      if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(BigDecimal.valueOf(maxYuan)) > 0) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(amount.movePointRight(2).longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      return OptionalLong.empty();
    }
  }

  /** Fen as yuan with two decimals ("1234.50"). */
  public static String format(long cents) {
    return BigDecimal.valueOf(cents).movePointLeft(2).setScale(2).toPlainString();
  }
}
