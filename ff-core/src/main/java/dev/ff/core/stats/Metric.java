package dev.ff.core.stats;

/** The kind of metric a power calculation is for, with what its variance depends on. */
public sealed interface Metric permits Metric.Binary, Metric.Continuous {

  /**
   * A conversion metric: variances p(1 − p) per arm (unpooled), so the treatment variance depends
   * on the effect.
   *
   * @param baseline the control conversion rate, in (0, 1)
   */
  record Binary(double baseline) implements Metric {
    /** Checks the baseline. */
    public Binary {
      Checks.openUnit("baseline", baseline);
    }
  }

  /**
   * A continuous metric with known standard deviations.
   *
   * @param baseline the control mean, needed for relative effects (may be null otherwise)
   * @param sdControl standard deviation in the control arm, &gt; 0
   * @param sdTreatment standard deviation in the treatment arm, &gt; 0
   */
  record Continuous(Double baseline, double sdControl, double sdTreatment) implements Metric {
    /** Checks the values. */
    public Continuous {
      if (baseline != null) {
        Checks.finite("baseline", baseline);
      }
      Checks.positive("sdControl", sdControl);
      Checks.positive("sdTreatment", sdTreatment);
    }

    /**
     * A continuous metric with the same standard deviation in both arms.
     *
     * @param baseline the control mean, or null
     * @param sd standard deviation, &gt; 0
     * @return the metric
     */
    public static Continuous of(Double baseline, double sd) {
      return new Continuous(baseline, sd, sd);
    }
  }
}
