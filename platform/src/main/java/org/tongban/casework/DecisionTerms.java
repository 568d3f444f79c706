package org.tongban.casework;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.tongban.catalogue.ItemSpec;
import org.tongban.shared.FieldProblem;

/**
 * What an officer grants when approving an item that pays money: the amount in cents (each month, or once) and, for
 * monthly payments, the first and (if it ends) the last month. The decision document states them.
 */
public record DecisionTerms(@Nullable Long amountCents, @Nullable YearMonth from, @Nullable YearMonth to) {

  /** Most that one decision grants: ¥1,000,000 (a typing slip of three zeros is refused, not paid). */
  public static final long MAX_CENTS = 100_000_000L;

  public static DecisionTerms none() {
    return new DecisionTerms(null, null, null);
  }

  /**
   * Terms as typed on a form: an amount in yuan ("1850", "1,850.50") and months as {@code yyyy-MM}. What cannot be read
   * is left empty, so that {@link #problems} names the field.
   */
  public static DecisionTerms typed(@Nullable String yuan, @Nullable String from, @Nullable String to) {
    return new DecisionTerms(cents(yuan), month(from), month(to));
  }

  private static @Nullable Long cents(@Nullable String yuan) {
    if (yuan == null || yuan.isBlank()) return null;
    return org.tongban.shared.Yuan.cents(yuan, MAX_CENTS / 100).orElse(-1L);
  }

  private static @Nullable YearMonth month(@Nullable String text) {
    if (text == null || text.isBlank()) return null;
    try {
      return YearMonth.parse(text.strip());
    } catch (java.time.format.DateTimeParseException e) {
      return YearMonth.of(1, 1);
    }
  }

  /** The problems of these terms for an item paid this way; none when they are complete and sensible. */
  java.util.List<FieldProblem> problems(ItemSpec.Payment payment, LocalDate today) {
    var problems = new ArrayList<FieldProblem>();
    if (amountCents == null || amountCents <= 0 || amountCents > MAX_CENTS) {
      problems.add(FieldProblem.of("amount", "decision-amount"));
    }
    if (payment == ItemSpec.Payment.MONTHLY) {
      var now = YearMonth.from(today);
      if (from == null || from.isBefore(now.minusYears(2)) || from.isAfter(now.plusYears(1))) {
        problems.add(FieldProblem.of("from", "decision-from"));
      }
      if (to != null && (from == null || to.isBefore(from) || to.isAfter(from.plusYears(40)))) {
        problems.add(FieldProblem.of("to", "decision-to"));
      }
    }
    return problems;
  }
}
