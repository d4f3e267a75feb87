package dev.ff.control.domain;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list, in stable order.
 *
 * @param items the items of this page
 * @param nextCursor the cursor of the next page, empty on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
  /** Defensive copy. */
  public Page {
    items = List.copyOf(items);
    nextCursor = nextCursor == null ? Optional.empty() : nextCursor;
  }
}
