package dev.ff.control.store;

import dev.ff.control.domain.Page;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Builds pages from a query that fetched one row more than the page size. */
public final class Pages {
  private Pages() {}

  /**
   * A page from {@code limit + 1} rows at most.
   *
   * @param rows the rows fetched, in order
   * @param limit the page size
   * @param sortKey the sort key of a row, encoded in the next cursor
   * @param <T> the row type
   * @return the page, with a next cursor when there were more rows than the limit
   */
  public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> sortKey) {
    if (rows.size() <= limit) {
      return new Page<>(rows, Optional.empty());
    }
    List<T> items = rows.subList(0, limit);
    return new Page<>(items, Optional.of(Cursors.encode(sortKey.apply(items.get(limit - 1)))));
  }
}
