package dev.ff.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ff.core.model.FlagType;
import java.util.List;
import java.util.Map;

/**
 * An immutable, thread-safe evaluation plan for one config document, built by {@link Compiler}.
 *
 * <p>Evaluation never throws. Errors are checked in this order: an unknown flag ({@link
 * ErrorCode#FLAG_NOT_FOUND}); a context that is not a JSON object or whose {@code key} is present,
 * not null and not a string ({@link ErrorCode#INVALID_CONTEXT}, also for a disabled flag); for the
 * typed calls, a flag of another type ({@link ErrorCode#TYPE_MISMATCH}); then the flag is evaluated
 * (disabled, prerequisites, rules, default). An unexpected failure gives {@link ErrorCode#GENERAL}.
 * Error results carry the caller's default as their value.
 *
 * <p>Success results are precomputed, shared instances: the success path allocates nothing.
 */
public final class CompiledConfig {
  private static final int ANY = 0;
  private static final int BOOLEAN = 1;
  private static final int STRING = 2;

  private final String env;
  private final String project;
  private final long version;
  private final String salt;
  private final Map<String, CompiledFlag> flags;
  private final List<String> flagKeys;

  CompiledConfig(
      String env,
      String project,
      long version,
      String salt,
      Map<String, CompiledFlag> flags,
      List<String> flagKeys) {
    this.env = env;
    this.project = project;
    this.version = version;
    this.salt = salt;
    this.flags = flags;
    this.flagKeys = List.copyOf(flagKeys);
  }

  /**
   * Evaluates a flag, whatever its type.
   *
   * @param flagKey the flag key
   * @param context the context: a JSON object whose {@code key}, when present, is a string
   * @param defaultValue served with an error result; null means none (JSON null is served)
   * @return the result, never null
   */
  public EvaluationResult evaluate(String flagKey, JsonNode context, JsonNode defaultValue) {
    return run(flagKey, context, defaultValue, ANY);
  }

  /**
   * Evaluates a boolean flag; any other flag type gives {@link ErrorCode#TYPE_MISMATCH}.
   *
   * @param flagKey the flag key
   * @param context the context
   * @param defaultValue served with an error result
   * @return the result, never null
   */
  public EvaluationResult evaluateBoolean(String flagKey, JsonNode context, boolean defaultValue) {
    return run(flagKey, context, BooleanNode.valueOf(defaultValue), BOOLEAN);
  }

  /**
   * Evaluates a flag whose variation values are all strings; any other flag gives {@link
   * ErrorCode#TYPE_MISMATCH}.
   *
   * @param flagKey the flag key
   * @param context the context
   * @param defaultValue served with an error result; null serves JSON null
   * @return the result, never null
   */
  public EvaluationResult evaluateString(String flagKey, JsonNode context, String defaultValue) {
    return run(flagKey, context, defaultValue, STRING);
  }

  /**
   * Evaluates with the checks of {@code expected}; {@code def} is a JsonNode, a String or null and
   * is turned into a node only on the error path.
   */
  private EvaluationResult run(String flagKey, JsonNode context, Object def, int expected) {
    try {
      CompiledFlag flag = flagKey == null ? null : flags.get(flagKey);
      if (flag == null) {
        return error(flagKey, def, ErrorCode.FLAG_NOT_FOUND);
      }
      if (!(context instanceof ObjectNode object)) {
        return error(flagKey, def, ErrorCode.INVALID_CONTEXT);
      }
      JsonNode k = object.get("key");
      String key = null;
      if (k instanceof TextNode t) {
        key = t.textValue();
      } else if (k != null && !(k instanceof NullNode)) {
        return error(flagKey, def, ErrorCode.INVALID_CONTEXT);
      }
      if ((expected == BOOLEAN && flag.type != FlagType.BOOLEAN)
          || (expected == STRING && !flag.stringValued)) {
        return error(flagKey, def, ErrorCode.TYPE_MISMATCH);
      }
      return flag.evaluate(object, key);
    } catch (RuntimeException | StackOverflowError e) {
      return error(flagKey, def, ErrorCode.GENERAL);
    }
  }

  private EvaluationResult error(String flagKey, Object def, ErrorCode code) {
    JsonNode value = def instanceof String s ? TextNode.valueOf(s) : (JsonNode) def;
    return EvaluationResult.error(flagKey, value, code, version);
  }

  /**
   * The flag keys, in document order.
   *
   * @return an immutable list
   */
  public List<String> flagKeys() {
    return flagKeys;
  }

  /**
   * Whether the plan has a flag.
   *
   * @param flagKey the flag key
   * @return true when it exists
   */
  public boolean hasFlag(String flagKey) {
    return flagKey != null && flags.containsKey(flagKey);
  }

  /**
   * The document version.
   *
   * @return the version
   */
  public long version() {
    return version;
  }

  /**
   * The environment key.
   *
   * @return the environment
   */
  public String env() {
    return env;
  }

  /**
   * The project key.
   *
   * @return the project
   */
  public String project() {
    return project;
  }

  /**
   * The environment salt used for bucketing.
   *
   * @return the salt
   */
  public String salt() {
    return salt;
  }
}
