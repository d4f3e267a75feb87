package dev.ff.core.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.model.FlagType;

/** A flag resolved for evaluation, with every success result built in advance. */
final class CompiledFlag {
  final String key;
  final FlagType type;
  final boolean stringValued;
  private final boolean enabled;
  private final EvaluationResult offResult;
  private final EvaluationResult prerequisiteFailedResult;
  private final EvaluationResult defaultResult;
  private final CompiledFlag[] prerequisites;
  private final String[] prerequisiteVariations;
  private final Cond[] conditions;
  private final EvaluationResult[] serves;
  private final CompiledRollout[] rollouts;

  /**
   * Creates a flag. Prerequisite flags are compiled first. Rule i serves {@code serves[i]} when
   * non-null, else applies {@code rollouts[i]}.
   */
  CompiledFlag(
      String key,
      FlagType type,
      boolean stringValued,
      boolean enabled,
      EvaluationResult offResult,
      EvaluationResult prerequisiteFailedResult,
      EvaluationResult defaultResult,
      CompiledFlag[] prerequisites,
      String[] prerequisiteVariations,
      Cond[] conditions,
      EvaluationResult[] serves,
      CompiledRollout[] rollouts) {
    this.key = key;
    this.type = type;
    this.stringValued = stringValued;
    this.enabled = enabled;
    this.offResult = offResult;
    this.prerequisiteFailedResult = prerequisiteFailedResult;
    this.defaultResult = defaultResult;
    this.prerequisites = prerequisites;
    this.prerequisiteVariations = prerequisiteVariations;
    this.conditions = conditions;
    this.serves = serves;
    this.rollouts = rollouts;
  }

  /** Steps (1)–(4) of evaluation for a valid context. */
  EvaluationResult evaluate(ObjectNode ctx, String contextKey) {
    if (!enabled) {
      return offResult;
    }
    for (int i = 0; i < prerequisites.length; i++) {
      if (!prerequisiteMet(prerequisites[i], prerequisiteVariations[i], ctx, contextKey)) {
        return prerequisiteFailedResult;
      }
    }
    for (int i = 0; i < conditions.length; i++) {
      if (Cond.test(conditions[i], ctx, contextKey)) {
        EvaluationResult served = serves[i];
        if (served != null) {
          return served;
        }
        EvaluationResult split = rollouts[i].apply(ctx, contextKey);
        if (split != null) {
          return split;
        }
      }
    }
    return defaultResult;
  }

  private static boolean prerequisiteMet(
      CompiledFlag flag, String variation, ObjectNode ctx, String contextKey) {
    try {
      return variation.equals(flag.evaluate(ctx, contextKey).variation());
    } catch (RuntimeException e) {
      // A prerequisite whose evaluation fails counts as not met.
      return false;
    }
  }
}
