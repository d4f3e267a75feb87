package dev.ff.core.stats;

/**
 * How a test result was computed. Anything other than {@link #OK} means the test could not be run
 * normally: the p-value is then 1, the test statistic 0, and standard errors, degrees of freedom
 * and confidence bounds are {@code null} unless the result type documents otherwise.
 */
public enum Status {
  /** Computed normally. */
  OK,
  /** An arm has fewer units than the test needs (n &lt; 2 for t-tests; no data for chi-square). */
  INSUFFICIENT_DATA,
  /** An arm has no units at all (proportion test). */
  EMPTY_VARIATION,
  /** The standard error is exactly 0: there is no variation at all. */
  ZERO_VARIANCE,
  /** A ratio metric whose denominator mean is 0 in an arm. */
  ZERO_DENOMINATOR
}
