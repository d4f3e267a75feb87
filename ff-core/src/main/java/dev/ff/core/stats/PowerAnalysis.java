package dev.ff.core.stats;

/**
 * Sample size, power and minimum detectable effect (MDE) for a two-sided comparison of one
 * treatment with the control, with {@code k = z_{1−α/2} + z_{1−β}}:
 *
 * <pre>
 * nControl = k²·(σ_C² + σ_T²/r) / δ²
 * power    = Φ(λ − z_{1−α/2}) + Φ(−λ − z_{1−α/2}),  λ = |δ| / √(σ_C²/n_C + σ_T²/n_T)
 * MDE      = k·√(σ_C²/n_C + σ_T²/n_T)      (binary: the positive root with σ_T depending on δ)
 * </pre>
 *
 * <p>Sample size and MDE ignore the negligible opposite tail; power includes it. For A/B/n
 * experiments under a multiple-comparison correction, plan with α/m. Sequential designs need a
 * larger maximum sample size, which these formulas do not include.
 */
public final class PowerAnalysis {
  private PowerAnalysis() {}

  /**
   * Units per arm needed to detect an effect.
   *
   * @param metric the metric and its variance
   * @param mde the effect to detect, non-zero
   * @param mdeType whether {@code mde} is absolute or relative to the baseline
   * @param design alpha, power and allocation ratio
   * @return δ, the exact and rounded-up sample sizes
   * @throws IllegalArgumentException if δ is 0, or a binary treatment rate falls outside (0, 1)
   */
  public static SampleSizeResult sampleSize(
      Metric metric, double mde, MdeType mdeType, Design design) {
    requireMetric(metric);
    if (mdeType == null || design == null) {
      throw new IllegalArgumentException(
          mdeType == null ? "mdeType is missing" : "design is missing");
    }
    Checks.finite("mde", mde);
    double delta = effect(metric, mde, mdeType);
    double[] var = variances(metric, delta, "mde");
    double k = k(design.alpha(), design.power());
    double exact = k * k * (var[0] + var[1] / design.ratio()) / (delta * delta);
    long nControl = (long) Math.ceil(Checks.computed("nControlExact", exact));
    long nTreatment = (long) Math.ceil(design.ratio() * exact);
    return new SampleSizeResult(delta, exact, nControl, nTreatment, nControl + nTreatment);
  }

  /**
   * The power to detect an absolute effect at given sample sizes.
   *
   * @param metric the metric and its variance
   * @param delta the absolute effect, non-zero
   * @param nControl control units, &gt; 0
   * @param nTreatment treatment units, &gt; 0
   * @param alpha two-sided level in (0, 1)
   * @return the standard error and the power
   * @throws IllegalArgumentException on invalid input
   */
  public static PowerResult power(
      Metric metric, double delta, double nControl, double nTreatment, double alpha) {
    requireMetric(metric);
    Checks.finite("delta", delta);
    if (delta == 0) {
      throw new IllegalArgumentException("delta must be non-zero");
    }
    Checks.positive("nControl", nControl);
    Checks.positive("nTreatment", nTreatment);
    Checks.alpha(alpha);
    double[] var = variances(metric, delta, "delta");
    double se = Math.sqrt(var[0] / nControl + var[1] / nTreatment);
    double lambda = Math.abs(delta) / se;
    double z = Dist.normalUpperQuantile(alpha / 2);
    double power = Dist.normalCdf(lambda - z) + Dist.normalCdf(-lambda - z);
    return new PowerResult(se, power);
  }

  /**
   * The smallest effect detectable with the given power at given sample sizes.
   *
   * @param metric the metric and its variance
   * @param nControl control units, &gt; 0
   * @param nTreatment treatment units, &gt; 0
   * @param alpha two-sided level in (0, 1)
   * @param power the probability of detection in (0, 1)
   * @return the absolute and relative MDE
   * @throws IllegalArgumentException on invalid input
   */
  public static MdeResult mde(
      Metric metric, double nControl, double nTreatment, double alpha, double power) {
    requireMetric(metric);
    Checks.positive("nControl", nControl);
    Checks.positive("nTreatment", nTreatment);
    double k = k(Checks.alpha(alpha), Checks.openUnit("power", power));
    if (metric instanceof Metric.Continuous c) {
      double sdC = c.sdControl();
      double sdT = c.sdTreatment();
      double abs = k * Math.sqrt(sdC * sdC / nControl + sdT * sdT / nTreatment);
      Double base = c.baseline();
      return new MdeResult(abs, base == null || base == 0 ? null : abs / Math.abs(base));
    }
    double p = ((Metric.Binary) metric).baseline();
    double k2 = k * k;
    double qa = 1 + k2 / nTreatment;
    double qb = -k2 * (1 - 2 * p) / nTreatment;
    double qc = -k2 * (p * (1 - p) / nControl + p * (1 - p) / nTreatment);
    double abs = (-qb + Math.sqrt(qb * qb - 4 * qa * qc)) / (2 * qa);
    return new MdeResult(abs, abs / p);
  }

  private static void requireMetric(Metric metric) {
    if (metric == null) {
      throw new IllegalArgumentException("metric is missing");
    }
  }

  private static double k(double alpha, double power) {
    return Dist.normalUpperQuantile(alpha / 2) + Dist.normalQuantile(power);
  }

  private static double effect(Metric metric, double mde, MdeType type) {
    double delta;
    if (type == MdeType.ABSOLUTE) {
      delta = mde;
    } else {
      Double baseline =
          metric instanceof Metric.Binary b
              ? b.baseline()
              : ((Metric.Continuous) metric).baseline();
      if (baseline == null) {
        throw new IllegalArgumentException("baseline is required for a relative mde");
      }
      delta = mde * Math.abs(baseline);
    }
    if (delta == 0) {
      throw new IllegalArgumentException("mde must give a non-zero effect, got delta = " + delta);
    }
    return delta;
  }

  /** σ_C², σ_T² for an absolute effect δ; {@code field} names δ's source in messages. */
  private static double[] variances(Metric metric, double delta, String field) {
    if (metric instanceof Metric.Continuous c) {
      return new double[] {c.sdControl() * c.sdControl(), c.sdTreatment() * c.sdTreatment()};
    }
    double pC = ((Metric.Binary) metric).baseline();
    double pT = pC + delta;
    if (!(pT > 0 && pT < 1)) {
      throw new IllegalArgumentException(
          field + ": the treatment rate baseline + delta = " + pT + " must lie in (0, 1)");
    }
    return new double[] {pC * (1 - pC), pT * (1 - pT)};
  }
}
