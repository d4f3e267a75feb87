package dev.ff.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.eval.ErrorCode;
import dev.ff.core.eval.EvaluationResult;
import dev.ff.core.eval.Reason;

/**
 * The result of one evaluation, as in the evaluation contract (docs/evaluation.md §6).
 *
 * @param flagKey the requested flag
 * @param value the served value, or the caller's default on error (JSON null when none); read-only
 * @param variation the served variation key, null on error
 * @param reason why this value
 * @param ruleId the deciding rule, or null
 * @param inExperiment true exactly when a rollout naming an experiment decided
 * @param experiment that experiment, or null
 * @param configVersion the config document's version (0 before the first config)
 * @param errorCode set exactly when the reason is {@link Reason#ERROR}
 */
public record EvaluationDetail(
    String flagKey,
    JsonNode value,
    String variation,
    Reason reason,
    String ruleId,
    boolean inExperiment,
    String experiment,
    long configVersion,
    ErrorCode errorCode) {

  /**
   * Converts a core result.
   *
   * @param r the result
   * @return the detail
   */
  public static EvaluationDetail of(EvaluationResult r) {
    return new EvaluationDetail(
        r.flag(),
        r.value(),
        r.variation(),
        r.reason(),
        r.ruleId(),
        r.inExperiment(),
        r.experiment(),
        r.configVersion(),
        r.errorCode());
  }

  /**
   * Whether this is an error result (the default was served).
   *
   * @return true on {@link Reason#ERROR}
   */
  public boolean isError() {
    return reason == Reason.ERROR;
  }

  /**
   * The wire form: the nine members of the contract (the flag key as {@code flag}).
   *
   * @return a new JSON object
   */
  public ObjectNode toJson() {
    return new EvaluationResult(
            flagKey,
            variation,
            value,
            reason,
            ruleId,
            inExperiment,
            experiment,
            configVersion,
            errorCode)
        .toJson();
  }
}
