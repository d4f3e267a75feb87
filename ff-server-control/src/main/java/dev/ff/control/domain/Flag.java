package dev.ff.control.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A flag of an environment, stored as its contract JSON (docs/evaluation.md §2) plus tags.
 *
 * @param key the flag key
 * @param body the flag JSON, {@code key} included, tags excluded
 * @param tags the tags, sorted and distinct
 * @param meta bookkeeping
 */
public record Flag(String key, ObjectNode body, List<String> tags, Meta meta) {
  /** Defensive copy. */
  public Flag {
    tags = List.copyOf(tags);
  }
}
