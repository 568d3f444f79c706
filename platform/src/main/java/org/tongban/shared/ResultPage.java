package org.tongban.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer result. {@code page} counts from 0; {@code total} is the number of matching items in
 * all pages, or, when {@code totalExact} is false, a lower bound of it: a count stopped at {@link #COUNT_LIMIT}
 * (pages then say "1,000+" and there is a next page while the bound says so).
 */
public record ResultPage<T>(List<T> items, int page, int size, long total, boolean totalExact) {

  public static final int MAX_SIZE = 200;
  /** Where a count that may stop early stops, unless the page asked for lies further. */
  public static final int COUNT_LIMIT = 1_000;

  public ResultPage {
    items = List.copyOf(items);
  }

  public ResultPage(List<T> items, int page, int size, long total) {
    this(items, page, size, total, true);
  }

  /**
   * The row limit for a count that may stop early: {@link #COUNT_LIMIT}, or one beyond the asked page so that a next
   * page is known.
   */
  public static long countLimit(int page, int size) {
    return Math.max(COUNT_LIMIT, (long) (page + 1) * size + 1);
  }

  /** A page whose total was counted up to {@code limit} ({@link #countLimit}): exact below it, a lower bound at it. */
  public static <T> ResultPage<T> countedUpTo(List<T> items, int page, int size, long counted, long limit) {
    return new ResultPage<>(items, page, size, counted, counted < limit);
  }

  public int pages() {
    return size == 0 ? 0 : (int) ((total + size - 1) / size);
  }

  public boolean hasNext() {
    return (long) (page + 1) * size < total;
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  public <R> ResultPage<R> map(Function<T, R> mapper) {
    return new ResultPage<>(items.stream().map(mapper).toList(), page, size, total, totalExact);
  }

  /** Clamps a requested page size to 1..{@link #MAX_SIZE}. */
  public static int size(int requested) {
    return Math.max(1, Math.min(MAX_SIZE, requested));
  }

  /** Clamps a requested page number to ≥ 0 and below a ceiling that keeps OFFSET cheap. */
  public static int page(int requested) {
    return Math.max(0, Math.min(requested, 100_000));
  }
}
