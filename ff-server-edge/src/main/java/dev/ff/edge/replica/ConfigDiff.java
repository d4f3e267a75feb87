package dev.ff.edge.replica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Computes the streamed patch (docs/evaluation.md §7) that turns one document into the next. */
public final class ConfigDiff {
  private static final Set<String> PATCHED = Set.of("flags", "segments", "version", "signature");

  private ConfigDiff() {}

  /**
   * The patch from {@code from} to {@code to}.
   *
   * @param from the older document
   * @param to the newer document
   * @return a new patch (sharing no nodes with the documents), or empty when a top-level member
   *     other than {@code flags}, {@code segments}, {@code version} and {@code signature} differs
   *     (a patch cannot express that)
   */
  public static Optional<ObjectNode> diff(ObjectNode from, ObjectNode to) {
    ObjectNode restFrom = from.deepCopy();
    ObjectNode restTo = to.deepCopy();
    restFrom.remove(PATCHED);
    restTo.remove(PATCHED);
    if (!restFrom.equals(restTo)) {
      return Optional.empty();
    }
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    patch.set("baseVersion", from.get("version").deepCopy());
    patch.set("version", to.get("version").deepCopy());
    ObjectNode upsert = patch.putObject("upsert");
    ObjectNode delete = patch.putObject("delete");
    for (String section : new String[] {"flags", "segments"}) {
      JsonNode before = from.path(section);
      JsonNode after = to.path(section);
      ObjectNode up = upsert.putObject(section);
      ArrayNode del = delete.putArray(section);
      for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().equals(before.get(e.getKey()))) {
          up.set(e.getKey(), e.getValue().deepCopy());
        }
      }
      for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!after.has(key)) {
          del.add(key);
        }
      }
    }
    if (to.has("signature")) {
      patch.set("signature", to.get("signature").deepCopy());
    }
    return Optional.of(patch);
  }
}
