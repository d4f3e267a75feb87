package dev.ff.core.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * CUPED variance reduction (Deng, Xu, Kohavi and Walker, 2013) with one pooled θ per metric and
 * experiment, computed over all units of all arms:
 *
 * <pre>
 * θ = S_xy / S_xx          Y'_i = Y_i − θ·(X_i − X̄)
 * </pre>
 *
 * Each treatment arm is then compared with arm 0 by {@link Welch} on the adjusted values Y'; θ is
 * treated as a known constant. When there are fewer than 2 units, or X or Y does not vary, θ = 0
 * and every result equals the unadjusted one.
 */
public final class Cuped {
  private Cuped() {}

  /**
   * Analyses raw per-unit values (two-pass moments; adjusted variances are the sample variances of
   * Y').
   *
   * @param arms arm 0 (control) first, then the treatment arms
   * @param alpha two-sided level in (0, 1)
   * @return θ, per-arm summaries and one comparison per treatment arm
   * @throws IllegalArgumentException on no arms, non-finite values or alpha outside (0, 1)
   */
  public static CupedResult analyze(List<CupedSample> arms, double alpha) {
    requireArms(arms);
    Checks.alpha(alpha);
    int total = 0;
    for (int j = 0; j < arms.size(); j++) {
      CupedSample a = arms.get(j);
      Checks.finite("arms[" + j + "].pre", a.pre());
      Checks.finite("arms[" + j + "].post", a.post());
      total += a.pre().length;
    }
    double[] allX = new double[total];
    double[] allY = new double[total];
    int at = 0;
    for (CupedSample a : arms) {
      System.arraycopy(a.pre(), 0, allX, at, a.pre().length);
      System.arraycopy(a.post(), 0, allY, at, a.post().length);
      at += a.pre().length;
    }
    Pooled pooled = Pooled.of(CoMoments.of(allX, allY));
    List<CupedResult.Arm> summaries = new ArrayList<>();
    List<Moments> adjusted = new ArrayList<>();
    List<Moments> raw = new ArrayList<>();
    for (CupedSample a : arms) {
      double[] x = a.pre();
      double[] y = a.post();
      double[] yAdj = y;
      if (pooled.applied) {
        yAdj = new double[y.length];
        for (int i = 0; i < y.length; i++) {
          yAdj[i] = y[i] - pooled.theta * (x[i] - pooled.meanX);
        }
      }
      Moments adj = Moments.of(yAdj);
      Moments post = Moments.of(y);
      Moments pre = Moments.of(x);
      adjusted.add(adj);
      raw.add(post);
      summaries.add(arm(pre.n(), pre.mean(), post, adj));
    }
    return result(pooled, summaries, adjusted, raw, alpha);
  }

  /**
   * Analyses sufficient statistics (pooled moments by exact merging of the per-arm moments;
   * adjusted variances {@code s²_Y + θ²s²_X − 2θ·s_XY}).
   *
   * @param arms arm 0 (control) first, then the treatment arms
   * @param alpha two-sided level in (0, 1)
   * @return θ, per-arm summaries and one comparison per treatment arm
   * @throws IllegalArgumentException on no arms or alpha outside (0, 1)
   */
  public static CupedResult analyzeSums(List<CupedSums> arms, double alpha) {
    requireArms(arms);
    Checks.alpha(alpha);
    List<CoMoments> parts = new ArrayList<>();
    for (CupedSums s : arms) {
      parts.add(s.moments());
    }
    Pooled pooled = Pooled.of(CoMoments.pooled(parts));
    List<CupedResult.Arm> summaries = new ArrayList<>();
    List<Moments> adjusted = new ArrayList<>();
    List<Moments> raw = new ArrayList<>();
    for (CoMoments c : parts) {
      Moments post = new Moments(c.n(), c.meanY(), c.syy());
      Moments adj = post;
      if (pooled.applied) {
        double th = pooled.theta;
        double mean = c.meanY() - th * (c.meanX() - pooled.meanX);
        double m2 = Math.max(0, c.syy() + th * th * c.sxx() - 2 * th * c.sxy());
        adj = new Moments(c.n(), mean, m2);
      }
      adjusted.add(adj);
      raw.add(post);
      summaries.add(arm(c.n(), c.meanX(), post, adj));
    }
    return result(pooled, summaries, adjusted, raw, alpha);
  }

  /** The pooled θ and whether CUPED applies. */
  private record Pooled(boolean applied, double theta, double meanX, double correlation) {
    static Pooled of(CoMoments p) {
      boolean applied = p.n() >= 2 && p.sxx() > 0 && p.syy() > 0;
      if (!applied) {
        return new Pooled(false, 0.0, p.meanX(), Double.NaN);
      }
      double theta = Checks.computed("theta", p.sxy() / p.sxx());
      double corr = p.sxy() / Math.sqrt(p.sxx()) / Math.sqrt(p.syy());
      return new Pooled(true, theta, p.meanX(), Math.max(-1, Math.min(1, corr)));
    }
  }

  private static void requireArms(List<?> arms) {
    if (arms == null || arms.isEmpty()) {
      throw new IllegalArgumentException("arms must hold at least the control arm");
    }
    for (int j = 0; j < arms.size(); j++) {
      if (arms.get(j) == null) {
        throw new IllegalArgumentException("arms[" + j + "] is missing");
      }
    }
  }

  private static CupedResult.Arm arm(long n, double meanPre, Moments post, Moments adj) {
    return new CupedResult.Arm(
        n,
        Checks.box(meanPre),
        Checks.box(post.mean()),
        Checks.box(adj.mean()),
        Checks.box(post.variance()),
        Checks.box(adj.variance()));
  }

  private static CupedResult result(
      Pooled pooled,
      List<CupedResult.Arm> arms,
      List<Moments> adjusted,
      List<Moments> raw,
      double alpha) {
    List<CupedResult.ArmComparison> comparisons = new ArrayList<>();
    for (int j = 1; j < arms.size(); j++) {
      WelchResult adj = Welch.test(adjusted.get(0), adjusted.get(j), alpha);
      WelchResult unadj = Welch.test(raw.get(0), raw.get(j), alpha);
      Double reduction = null;
      if (adj.se() != null && unadj.se() != null && adj.se() > 0 && unadj.se() > 0) {
        double ratio = adj.se() / unadj.se();
        reduction = 1 - ratio * ratio;
      }
      comparisons.add(
          new CupedResult.ArmComparison(
              j,
              adj.status(),
              adj.diff(),
              adj.se(),
              adj.tStat(),
              adj.df(),
              adj.pValue(),
              adj.ciLower(),
              adj.ciUpper(),
              adj.lift(),
              adj.liftSe(),
              adj.liftCiLower(),
              adj.liftCiUpper(),
              unadj.diff(),
              unadj.se(),
              unadj.pValue(),
              reduction));
    }
    return new CupedResult(
        pooled.theta,
        pooled.applied,
        Checks.box(pooled.meanX),
        pooled.applied ? Checks.box(pooled.correlation) : null,
        arms,
        comparisons);
  }
}
