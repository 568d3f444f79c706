package org.tongban.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer result. {@code page} counts from 0; {@code total} is the number of matching items in
 * all pages.
 */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

  public static final int MAX_SIZE = 200;

  public ResultPage {
    items = List.copyOf(items);
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
    return new ResultPage<>(items.stream().map(mapper).toList(), page, size, total);
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
