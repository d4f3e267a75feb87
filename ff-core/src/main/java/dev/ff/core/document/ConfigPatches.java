package dev.ff.core.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Applies a streamed patch to a config document.
 *
 * <p>A patch is {@code {"baseVersion", "version", "upsert": {"flags", "segments"}, "delete":
 * {"flags", "segments"}, "signature"}}: {@code upsert} members are objects from key to the whole
 * new flag or segment, {@code delete} members are arrays of keys, and {@code signature} is the
 * signature of the whole document after the patch. {@code upsert}, {@code delete} and their members
 * are optional; other patch members are ignored. Deleting a key the document does not hold is a
 * no-op; naming one key in both {@code upsert} and {@code delete} is refused.
 *
 * <p>The result is a new document; the caller verifies its signature ({@link DocumentSigner}) and
 * validates it before use, and fetches the whole document when either fails.
 */
public final class ConfigPatches {
  private static final String[] SECTIONS = {"flags", "segments"};

  private ConfigPatches() {}

  /**
   * The document after a patch; the input document is not changed.
   *
   * @param doc the receiver's current document
   * @param patch the patch event's data
   * @return a copy of {@code doc} with deletes and upserts applied, {@code version} set to the
   *     patch's and {@code signature} replaced by the patch's (removed when the patch has none)
   * @throws PatchException if the document's version is not the patch's {@code baseVersion}, or the
   *     patch or the document is malformed
   */
  public static ObjectNode apply(ObjectNode doc, JsonNode patch) throws PatchException {
    if (doc == null) {
      throw new PatchException("no document to patch");
    }
    if (patch == null || !patch.isObject()) {
      throw new PatchException("patch is not a JSON object");
    }
    long current = integer(doc.get("version"), "document version");
    long base = integer(patch.get("baseVersion"), "patch baseVersion");
    long next = integer(patch.get("version"), "patch version");
    if (base != current) {
      throw new PatchException(
          "patch baseVersion " + base + " does not match document version " + current);
    }
    if (next <= base) {
      throw new PatchException(
          "patch version " + next + " is not greater than its baseVersion " + base);
    }
    JsonNode upsert = section(patch, "upsert");
    JsonNode delete = section(patch, "delete");

    ObjectNode result = doc.deepCopy();
    for (String name : SECTIONS) {
      JsonNode upserts = upsert == null ? null : upsert.get(name);
      JsonNode deletes = delete == null ? null : delete.get(name);
      if (upserts == null && deletes == null) {
        continue;
      }
      if (!(result.get(name) instanceof ObjectNode target)) {
        throw new PatchException("document " + name + " is not an object");
      }
      Set<String> deleted = new HashSet<>();
      if (deletes != null) {
        if (!deletes.isArray()) {
          throw new PatchException("delete." + name + " is not an array of keys");
        }
        for (JsonNode key : deletes) {
          if (!key.isTextual()) {
            throw new PatchException("delete." + name + " holds a non-string key");
          }
          deleted.add(key.textValue());
          target.remove(key.textValue());
        }
      }
      if (upserts != null) {
        if (!upserts.isObject()) {
          throw new PatchException("upsert." + name + " is not an object");
        }
        Iterator<Map.Entry<String, JsonNode>> it = upserts.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> entry = it.next();
          if (deleted.contains(entry.getKey())) {
            throw new PatchException(
                "'" + entry.getKey() + "' is both upserted and deleted in " + name);
          }
          target.set(entry.getKey(), entry.getValue().deepCopy());
        }
      }
    }
    result.put("version", next);
    JsonNode signature = patch.get("signature");
    if (signature == null || signature.isNull()) {
      result.remove("signature");
    } else {
      result.set("signature", signature.deepCopy());
    }
    return result;
  }

  private static JsonNode section(JsonNode patch, String name) throws PatchException {
    JsonNode section = patch.get(name);
    if (section == null || section.isNull()) {
      return null;
    }
    if (!section.isObject()) {
      throw new PatchException("patch " + name + " is not an object");
    }
    return section;
  }

  private static long integer(JsonNode node, String what) throws PatchException {
    if (node == null
        || !node.isNumber()
        || !node.canConvertToExactIntegral()
        || !node.canConvertToLong()) {
      throw new PatchException(what + " is missing or not an integer");
    }
    return node.longValue();
  }
}
