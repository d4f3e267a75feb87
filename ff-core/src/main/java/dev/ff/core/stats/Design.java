package dev.ff.core.stats;

/**
 * The design settings of a sample-size calculation.
 *
 * @param alpha two-sided significance level in (0, 1)
 * @param power the probability of detecting the effect, 1 − β, in (0, 1)
 * @param ratio allocation ratio n_T / n_C, &gt; 0
 */
public record Design(double alpha, double power, double ratio) {

  /** Checks the settings. */
  public Design {
    Checks.alpha(alpha);
    Checks.openUnit("power", power);
    Checks.positive("ratio", ratio);
  }

  /**
   * The usual defaults: α = 0.05, power 0.8, equal allocation.
   *
   * @return the default design
   */
  public static Design defaults() {
    return new Design(0.05, 0.8, 1.0);
  }
}
