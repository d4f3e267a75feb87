package dev.ff.sdk;

/** Which evaluations record an exposure event automatically. */
public enum ExposurePolicy {
  /**
   * Only results with {@code inExperiment = true} (the default): exposures exist to analyse
   * experiments, and plain flags would only add volume.
   */
  EXPERIMENTS_ONLY,
  /** Every successful evaluation (first per unit, flag and variation). */
  ALL,
  /** Never automatically; only {@link FfClient#trackExposure}. */
  NONE
}
