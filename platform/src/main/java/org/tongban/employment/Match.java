package org.tongban.employment;

import java.util.List;

/**
 * A recommendation with a score that explains itself: each reason with the points it gave (occupation 40, skills 20,
 * place 20, pay 15, recency 5; 100 in all).
 */
public record Match<T>(T item, int score, List<Reason> reasons) {

  public Match {
    reasons = List.copyOf(reasons);
  }

  /** One part of the score: which, how many points, and the words that earned them. */
  public record Reason(String part, int points, String detail) {}
}
