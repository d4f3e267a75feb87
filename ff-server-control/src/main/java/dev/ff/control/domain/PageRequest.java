package dev.ff.control.domain;

import java.util.Optional;

/**
 * One page of a list: an opaque cursor (from the previous page's {@link Page#nextCursor()}) and a
 * page size.
 *
 * @param cursor the cursor, or empty for the first page
 * @param limit the page size, 1..{@value #MAX_LIMIT}; larger values are lowered to the maximum
 */
public record PageRequest(Optional<String> cursor, int limit) {
  /** The page size when none is given. */
  public static final int DEFAULT_LIMIT = 50;

  /** The largest page size. */
  public static final int MAX_LIMIT = 200;

  /** Checks the limit and lowers it to the maximum. */
  public PageRequest {
    cursor = cursor == null ? Optional.empty() : cursor;
    if (limit < 1) {
      throw ValidationFailed.of("/limit", "limit must be at least 1");
    }
    limit = Math.min(limit, MAX_LIMIT);
  }

  /**
   * The first page of the default size.
   *
   * @return the request
   */
  public static PageRequest first() {
    return new PageRequest(Optional.empty(), DEFAULT_LIMIT);
  }

  /**
   * The first page of a given size.
   *
   * @param limit the page size
   * @return the request
   */
  public static PageRequest first(int limit) {
    return new PageRequest(Optional.empty(), limit);
  }

  /**
   * The page after a cursor.
   *
   * @param cursor the previous page's next cursor
   * @param limit the page size
   * @return the request
   */
  public static PageRequest after(String cursor, int limit) {
    return new PageRequest(Optional.of(cursor), limit);
  }
}
