package dev.ff.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The outcome of evaluating one flag for one context.
 *
 * <p>Successful results are shared, precomputed instances; treat {@link #value()} as read-only.
 *
 * @param flag the requested flag key
 * @param variation the served variation key, null with {@link Reason#ERROR}
 * @param value the served value, or the caller's default with {@link Reason#ERROR}; never Java null
 *     (JSON null is {@link NullNode})
 * @param reason why this result
 * @param ruleId the deciding rule's id, or null
 * @param inExperiment true exactly when a rollout naming an experiment decided
 * @param experiment that experiment's key, or null
 * @param configVersion the version of the configuration evaluated
 * @param errorCode set exactly when {@code reason} is {@link Reason#ERROR}
 */
public record EvaluationResult(
    String flag,
    String variation,
    JsonNode value,
    Reason reason,
    String ruleId,
    boolean inExperiment,
    String experiment,
    long configVersion,
    ErrorCode errorCode) {

  /** Checks the reason and maps a Java-null or missing value to JSON null. */
  public EvaluationResult {
    Objects.requireNonNull(reason, "reason");
    value = value == null || value instanceof MissingNode ? NullNode.getInstance() : value;
  }

  /**
   * An error result: the caller's default, no variation, rule or experiment.
   *
   * @param flag the requested flag key
   * @param defaultValue the caller's default, or null when none
   * @param code the error code
   * @param configVersion the configuration version (0 when there is none)
   * @return the result
   */
  public static EvaluationResult error(
      String flag, JsonNode defaultValue, ErrorCode code, long configVersion) {
    Objects.requireNonNull(code, "code");
    return new EvaluationResult(
        flag, null, defaultValue, Reason.ERROR, null, false, null, configVersion, code);
  }

  /**
   * Whether this is an error result.
   *
   * @return true when the reason is {@link Reason#ERROR}
   */
  public boolean isError() {
    return reason == Reason.ERROR;
  }

  /**
   * The wire form: an object with all nine members in contract order, absent values written as JSON
   * null. {@code configVersion} is an int node when it fits, as a JSON parser reads it, so the
   * object equals the parsed form of its own serialisation.
   *
   * @return a new object
   */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("flag", flag);
    o.put("variation", variation);
    o.set("value", value.deepCopy());
    o.put("reason", reason.name());
    o.put("ruleId", ruleId);
    o.put("inExperiment", inExperiment);
    o.put("experiment", experiment);
    // The node type a JSON parser would produce, so results compare equal to parsed JSON.
    if (configVersion == (int) configVersion) {
      o.put("configVersion", (int) configVersion);
    } else {
      o.put("configVersion", configVersion);
    }
    o.put("errorCode", errorCode == null ? null : errorCode.name());
    return o;
  }
}
