package dev.ff.core.stats;

/** How a minimum detectable effect is expressed. */
public enum MdeType {
  /** In the metric's own units: δ = mde. */
  ABSOLUTE,
  /** As a fraction of the baseline: δ = mde·|baseline|. */
  RELATIVE
}
