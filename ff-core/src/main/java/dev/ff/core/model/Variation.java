package dev.ff.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Objects;

/**
 * One value a flag can serve.
 *
 * @param key the variation key, unique within its flag
 * @param value the served JSON value (never Java null; JSON null is {@link NullNode}); treat it as
 *     read-only
 */
public record Variation(String key, JsonNode value) {
  /** Checks the members and maps a Java-null value to JSON null. */
  public Variation {
    Objects.requireNonNull(key, "key");
    value = value == null ? NullNode.getInstance() : value;
  }
}
