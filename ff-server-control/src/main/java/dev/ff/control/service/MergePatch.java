package dev.ff.control.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.domain.ValidationFailed;
import java.util.Iterator;
import java.util.Map;

/** RFC 7386 JSON Merge Patch: the update format of every service. */
public final class MergePatch {
  private MergePatch() {}

  /**
   * Applies a merge patch; the target is not changed.
   *
   * @param target the current JSON of the resource
   * @param patch the patch: an object whose members replace, merge into ({@code object}) or remove
   *     ({@code null}) the target's members
   * @return the patched copy
   * @throws ValidationFailed at {@code ""} if the patch is not an object
   */
  public static ObjectNode apply(ObjectNode target, JsonNode patch) {
    if (patch == null || !patch.isObject()) {
      throw ValidationFailed.of("", "a merge patch must be a JSON object");
    }
    return (ObjectNode) merge(target.deepCopy(), patch);
  }

  private static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : target(patch);
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
      }
    }
    return result;
  }

  private static ObjectNode target(JsonNode patch) {
    return ((ObjectNode) patch).objectNode();
  }
}
