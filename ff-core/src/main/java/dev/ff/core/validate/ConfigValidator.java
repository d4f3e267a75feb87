package dev.ff.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Checks config documents and flags against the evaluation contract and returns every problem.
 *
 * <p>What is checked: keys (flag, segment, variation, rule, experiment, exclusion group, project,
 * environment) match {@code ^[a-z0-9][a-z0-9_.-]{0,127}$} and a flag's or segment's {@code key}
 * equals its member name; required members are present and unknown members are refused; JSON types;
 * variation counts and value kinds per flag type; conditions (shape, operator, operands: compilable
 * RE2 patterns without lookaround or backreferences, valid semantic versions and RFC 3339 or
 * epoch-millisecond instants, scalar equality operands) nested at most 64 levels; rollouts (weights
 * summing to 10000, coverage, seed, bucketBy, exclusion group ranges that do not overlap within a
 * group); references to variations, prerequisite flags and segments; cycles among prerequisites and
 * among segments (every reference on a cycle is reported); duplicates (variation keys, rule ids,
 * prerequisite flags, variations within a rollout, experiment keys within a document, always at the
 * later occurrence).
 *
 * <p>Choices where the contract is silent: {@code exists} takes no operand (a {@code value} or
 * {@code values} member on it is refused as unknown); a boolean flag's {@code variations} are
 * reported whenever they are not exactly one {@code true} and one {@code false}, besides any value
 * of the wrong kind; a flag or segment whose {@code key} differs from its member name is reported
 * at {@code key} even when the member name itself is malformed.
 *
 * <p>Numbers that must be integers may be written with a fraction of zero ({@code 5000.0}), since
 * JSON readers in other languages cannot tell the two apart. {@code version} must be at most
 * 2<sup>53</sup> − 1 for the same reason.
 *
 * <p>Both methods are safe on any input: they never throw.
 */
public final class ConfigValidator {
  private ConfigValidator() {}

  /**
   * Validates a whole config document.
   *
   * @param doc the document (null or a non-object gives one diagnostic at {@code ""})
   * @return every problem in document order; empty when the document is valid
   */
  public static List<Diagnostic> validateDocument(JsonNode doc) {
    try {
      return List.copyOf(Validation.document(doc));
    } catch (RuntimeException e) {
      return List.of(internalError(e));
    }
  }

  /**
   * Validates one flag on its own. Paths are relative to the flag ({@code /rules/0/if/op}).
   * References to other flags and to segments are not checked (there is nothing to resolve them
   * against); a flag that names itself as a prerequisite is still refused.
   *
   * @param flag the flag (null or a non-object gives one diagnostic at {@code ""})
   * @return every problem in document order; empty when the flag is valid
   */
  public static List<Diagnostic> validateFlag(JsonNode flag) {
    try {
      return List.copyOf(Validation.flag(flag));
    } catch (RuntimeException e) {
      return List.of(internalError(e));
    }
  }

  private static Diagnostic internalError(Throwable e) {
    // Not expected on any input; kept so that a defect surfaces as a refusal, not a crash.
    return new Diagnostic("", "internal error while validating: " + e);
  }
}
