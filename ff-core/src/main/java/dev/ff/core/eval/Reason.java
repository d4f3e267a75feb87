package dev.ff.core.eval;

/** Why an evaluation produced its result. */
public enum Reason {
  /** The flag is disabled: its off variation. */
  DISABLED,
  /** A prerequisite did not yield its named variation: the off variation. */
  PREREQUISITE_FAILED,
  /** A rule with a fixed variation matched. */
  TARGETING_MATCH,
  /** A rule's rollout placed the unit in a variation. */
  SPLIT,
  /** No rule decided: the default variation. */
  DEFAULT,
  /** Evaluation failed; see the error code. The caller's default value is served. */
  ERROR
}
