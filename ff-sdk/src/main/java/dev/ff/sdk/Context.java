package dev.ff.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.eval.EvaluationResult;
import dev.ff.sdk.internal.Hash64;
import dev.ff.sdk.internal.Json;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable evaluation context: the unit's key plus attributes. Attributes may be strings,
 * numbers, booleans, lists, maps or Jackson nodes; a dot in a rule's attribute path walks into a
 * nested map ({@code "device.os"} reads {@code device → os}).
 *
 * <p>Thread-safe. Besides its value, a context carries a memo of one exposure a client has recorded
 * for it (see the README's exposure dedup), so that evaluating the same context object again skips
 * the client's dedup table; the memo is not part of the value ({@link #equals}, {@link #hashCode}).
 */
public final class Context {
  private final String key;
  private final ObjectNode json;
  // The key's 64-bit fingerprint for exposure dedup (0 without a key), computed once per context.
  private final long keyFingerprint;
  // A result whose exposure a client recorded (or found recorded) for this object, or null: the
  // first one per config version, so that a context evaluated on several flags is not written
  // again and again (a reference store into an old object costs a GC write barrier). Results are
  // instances of one client's compiled config, so a match names the client too. Not part of the
  // value: equals and hashCode ignore it. A stale read only costs a table lookup.
  private EvaluationResult exposureMemo;

  private Context(String key, ObjectNode json) {
    this.key = key;
    this.json = json;
    this.keyFingerprint = key == null ? 0 : Hash64.of(key);
  }

  /**
   * A context with only a key.
   *
   * @param key the unit key (usually the user id)
   * @return the context
   */
  public static Context of(String key) {
    return builder(key).build();
  }

  /**
   * Starts a context.
   *
   * @param key the unit key, or null for a context without one (rollouts by key then do not apply)
   * @return a builder
   */
  public static Builder builder(String key) {
    return new Builder(key);
  }

  /**
   * A context from a map (the {@code "key"} entry, when present, is the unit key).
   *
   * @param attributes the attributes
   * @return the context
   * @throws IllegalArgumentException if {@code "key"} is present and not a string, or a value
   *     cannot be converted to JSON
   */
  public static Context fromMap(Map<String, ?> attributes) {
    Objects.requireNonNull(attributes, "attributes");
    Object key = attributes.get("key");
    if (key != null && !(key instanceof String)) {
      throw new IllegalArgumentException("context key must be a string");
    }
    Builder b = builder((String) key);
    attributes.forEach(
        (k, v) -> {
          if (!"key".equals(k)) {
            b.set(k, v);
          }
        });
    return b.build();
  }

  /**
   * A context from a JSON object (as received from another service).
   *
   * @param json a JSON object whose {@code key}, when present and not null, is a string
   * @return the context (a copy of the object)
   * @throws IllegalArgumentException if it is not an object or the key is not a string
   */
  public static Context fromJson(JsonNode json) {
    if (!(json instanceof ObjectNode o)) {
      throw new IllegalArgumentException("context must be a JSON object");
    }
    JsonNode key = o.get("key");
    if (key != null && !key.isNull() && !key.isTextual()) {
      throw new IllegalArgumentException("context key must be a string");
    }
    return new Context(key == null || key.isNull() ? null : key.textValue(), o.deepCopy());
  }

  /**
   * The unit key.
   *
   * @return the key, or null
   */
  public String key() {
    return key;
  }

  /**
   * One attribute.
   *
   * @param name the top-level attribute name
   * @return a copy of its JSON value, or null when absent
   */
  public JsonNode get(String name) {
    JsonNode v = json.get(name);
    return v == null ? null : v.deepCopy();
  }

  /**
   * The JSON object ff-core evaluates (a copy).
   *
   * @return the context as a JSON object
   */
  public ObjectNode toJson() {
    return json.deepCopy();
  }

  /**
   * The shared JSON form, read-only by contract (used by the client to avoid a copy).
   *
   * @return the context's JSON object; must not be modified
   */
  ObjectNode json() {
    return json;
  }

  /**
   * The key's fingerprint ({@link Hash64#of}), used by the client's exposure dedup.
   *
   * @return the fingerprint, 0 without a key
   */
  long keyFingerprint() {
    return keyFingerprint;
  }

  /**
   * Whether {@code result}'s exposure is the one remembered on this object.
   *
   * @param result a successful evaluation result of a client
   * @return true when it is
   */
  boolean exposureMemoIs(EvaluationResult result) {
    return exposureMemo == result;
  }

  /**
   * Remembers a recorded exposure on this object, unless one of the same config version already is
   * (a context object is written at most once per version, however many flags it is evaluated on).
   *
   * @param result the result whose exposure was recorded
   */
  void rememberExposure(EvaluationResult result) {
    EvaluationResult m = exposureMemo;
    if (m == null || m.configVersion() != result.configVersion()) {
      exposureMemo = result;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Context c && json.equals(c.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "Context" + json;
  }

  /**
   * Builds a {@link Context}. Attributes go straight into the context's JSON tree, so that a built
   * context occupies one compact stretch of memory (the evaluator reads it as a whole); building
   * again after {@link #build()} continues on a copy.
   */
  public static final class Builder {
    private final String key;
    private ObjectNode json;
    private boolean built;

    private Builder(String key) {
      this.key = key;
      this.json = Json.MAPPER.createObjectNode();
      if (key != null) {
        json.put("key", key);
      }
    }

    /**
     * Sets an attribute. A Jackson node is copied now: changing it later does not change the
     * context.
     *
     * @param name the attribute name (not {@code "key"}: the key is given to {@link
     *     Context#builder})
     * @param value a string, number, boolean, list, map, Jackson node or null
     * @return this builder
     * @throws IllegalArgumentException on an empty name, {@code "key"}, or a value that is not
     *     convertible to JSON
     */
    public Builder set(String name, Object value) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("attribute name must not be empty");
      }
      if ("key".equals(name)) {
        throw new IllegalArgumentException("the key is given to Context.builder(key)");
      }
      JsonNode node = value instanceof JsonNode n ? n.deepCopy() : Json.toNode(value);
      if (built) {
        json = json.deepCopy(); // the built context keeps its tree
        built = false;
      }
      json.set(name, node);
      return this;
    }

    /**
     * Builds the immutable context.
     *
     * @return the context
     */
    public Context build() {
      built = true;
      return new Context(key, json);
    }
  }
}
