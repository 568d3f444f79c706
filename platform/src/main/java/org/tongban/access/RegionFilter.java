package org.tongban.access;

import java.util.List;

/**
 * The regions a query may return, as SQL LIKE patterns over a 12-digit region column
 * ({@code region_code like any(?)} with {@link #patterns()}). Empty: nothing may be returned.
 */
public record RegionFilter(List<String> likePatterns) {

  public RegionFilter {
    likePatterns = List.copyOf(likePatterns);
  }

  public boolean isEmpty() {
    return likePatterns.isEmpty();
  }

  public String[] patterns() {
    return likePatterns.toArray(String[]::new);
  }
}
