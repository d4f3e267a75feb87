package dev.ff.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.eval.CompiledConfig;

/**
 * One verified config in use: the document (read-only) and its compiled plan.
 *
 * @param document the verified document; must not be modified
 * @param config the compiled plan
 */
public record Snapshot(ObjectNode document, CompiledConfig config) {

  /**
   * The version.
   *
   * @return the document's version
   */
  public long version() {
    return config.version();
  }

  /**
   * A flag's definition in the document.
   *
   * @param flagKey the flag
   * @return the flag's JSON, or null
   */
  public JsonNode flag(String flagKey) {
    JsonNode flags = document.get("flags");
    return flags == null ? null : flags.get(flagKey);
  }
}
