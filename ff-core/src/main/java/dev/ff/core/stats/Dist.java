package dev.ff.core.stats;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Distribution functions used by the tests. Tail probabilities come from survival functions, never
 * from {@code 1 - cdf}, so that tiny p-values keep their relative precision.
 */
final class Dist {
  /** The standard normal distribution (no random generator: only its functions are used). */
  static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  /** Quantile accuracy for the Student-t distribution; the library default of 1e-9 is too loose. */
  static final double T_QUANTILE_ACCURACY = 1e-12;

  private static final double SQRT2 = Math.sqrt(2);
  private static final double INV_SQRT_2PI = 0.398942280401432677939946059934;

  private Dist() {}

  /** Φ(x), the standard normal CDF. */
  static double normalCdf(double x) {
    return STANDARD_NORMAL.cumulativeProbability(x);
  }

  /** φ(x), the standard normal density. */
  static double normalPdf(double x) {
    return Math.exp(-0.5 * x * x) * INV_SQRT_2PI;
  }

  /** z_q = Φ⁻¹(q), accurate in both tails. */
  static double normalQuantile(double q) {
    return q < 0.5 ? -normalUpperQuantile(q) : normalUpperQuantile(1 - q);
  }

  /**
   * z_{1−p}, the quantile with upper-tail probability p, to full relative precision for p down to
   * about 1e-300. Callers pass the tail probability itself (α/2, not 1 − α/2), which keeps its
   * precision. The commons-math quantile (or, below 1e-15 where it saturates, an asymptotic start)
   * is polished by Newton steps on log Φ(−x) = log p with Cody's Φ.
   */
  static double normalUpperQuantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("tail probability must be in (0, 1), got " + p);
    }
    if (p > 0.5) {
      return -normalUpperQuantile(1 - p);
    }
    double x = p >= 1e-15 ? -STANDARD_NORMAL.inverseCumulativeProbability(p) : tailStart(p);
    double logP = Math.log(p);
    for (int i = 0; i < 6; i++) {
      double tail = fastNormalCdf(-x);
      double step = (Math.log(tail) - logP) * tail / normalPdf(x);
      x += step;
      if (Math.abs(step) <= 1e-15 * Math.abs(x)) {
        break;
      }
    }
    return x;
  }

  /** Abramowitz and Stegun 26.2.23: z_{1−p} to within 4.5e-4, for small p. */
  private static double tailStart(double p) {
    double t = Math.sqrt(-2 * Math.log(p));
    return t
        - (2.515517 + 0.802853 * t + 0.010328 * t * t)
            / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  }

  /** 2Φ(−|z|), the two-sided normal p-value. */
  static double normalTwoSided(double z) {
    return Erf.erfc(Math.abs(z) / SQRT2);
  }

  /** 2·T_ν(−|t|), the two-sided Student-t p-value with real-valued degrees of freedom. */
  static double tTwoSided(double t, double df) {
    if (t == 0) {
      return 1.0;
    }
    return Math.min(
        1.0,
        2 * new TDistribution(null, df, T_QUANTILE_ACCURACY).cumulativeProbability(-Math.abs(t)));
  }

  /**
   * t_{ν,1−p}, the Student-t quantile with upper-tail probability p. For ν ≥ 3 a Cornish–Fisher
   * start (Abramowitz and Stegun 26.7.5, error below 1e-3 there) is polished by Newton steps on log
   * T_ν(−x) = log p, which converge in two or three CDF evaluations; for ν ≥ 10⁴ and ordinary tails
   * the expansion alone is exact. This is what keeps a Welch result within a few microseconds.
   * Small ν, or a start that does not converge, take the general path: commons-math's inversion
   * (accuracy 1e-12) above p = 1e-8 and Brent's method on the log tail below, where its stopping
   * rule on absolute function values gets too coarse.
   */
  static double tUpperQuantile(double p, double df) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("tail probability must be in (0, 1), got " + p);
    }
    TDistribution t = new TDistribution(null, df, T_QUANTILE_ACCURACY);
    if (p < 0.5 && df >= 3) {
      double z = normalUpperQuantile(p);
      if (df >= 1e4 && z <= 6) {
        // The first omitted term, g5(z)/ν⁵ (A&S 26.7.5), is below 4e-16 here: the expansion is
        // exact to double precision, and more exact than Newton steps on a noisy regularized beta.
        return cornishFisherStart(z, df);
      }
      double x = newtonTQuantile(t, p, cornishFisherStart(z, df));
      if (!Double.isNaN(x)) {
        return x;
      }
    }
    return generalTUpperQuantile(t, p);
  }

  /** Abramowitz and Stegun 26.7.5: t_{ν,1−p} from z_{1−p} up to the ν⁻⁴ term. */
  private static double cornishFisherStart(double z, double df) {
    double z2 = z * z;
    double g1 = (z2 + 1) * z / 4;
    double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
    double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
    double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
    return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
  }

  /**
   * Newton steps on log T_ν(−x) − log p from {@code x}. They stop at 1e-14 relative, or earlier
   * once a step no longer halves the one before while already below 1e-8 relative: for ν in the
   * hundreds of thousands the regularized beta behind T_ν carries noise near 1e-9 relative, and
   * that is its floor. NaN when the steps leave the positive axis or do not settle in ten steps.
   */
  private static double newtonTQuantile(TDistribution t, double p, double x) {
    double logP = Math.log(p);
    double previous = Double.POSITIVE_INFINITY;
    for (int i = 0; i < 10; i++) {
      double tail = t.cumulativeProbability(-x);
      if (!(x > 0) || !(tail > 0)) {
        return Double.NaN;
      }
      double step = (Math.log(tail) - logP) * tail / t.density(x);
      double size = Math.abs(step);
      if (size <= 1e-14 * x || (size > 0.5 * previous && size <= 1e-8 * x)) {
        return x + step > 0 ? x + step : Double.NaN;
      }
      x += step;
      previous = size;
    }
    return Double.NaN;
  }

  private static double generalTUpperQuantile(TDistribution t, double p) {
    if (p >= 1e-8) {
      return -t.inverseCumulativeProbability(p);
    }
    double logP = Math.log(p);
    UnivariateFunction g =
        x -> Math.log(Math.max(Double.MIN_VALUE, t.cumulativeProbability(-x))) - logP;
    double hi = 2;
    while (g.value(hi) > 0) {
      hi *= 2;
    }
    return new BrentSolver(1e-15, 1e-12).solve(1000, g, hi / 2, hi);
  }

  /** Q_k(x) = P(χ²_k ≥ x). */
  static double chiSquareSurvival(double x, double k) {
    if (x <= 0) {
      return 1.0;
    }
    return Gamma.regularizedGammaQ(k / 2.0, x / 2.0);
  }

  // ----------------------------------------------------------------------------------------------
  // A fast Φ for the inner loops of the sequential recursion: W. J. Cody's rational Chebyshev
  // approximations (Math. Comp. 1969; ACM TOMS algorithm 715), relative accuracy near 1e-16
  // everywhere, at a fraction of the cost of the incomplete-gamma route.

  private static final double[] A = {
    2.2352520354606839287,
    161.02823106855587881,
    1067.6894854603709582,
    18154.981253343561249,
    0.065682337918207449113
  };
  private static final double[] B = {
    47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956
  };
  private static final double[] C = {
    0.39894151208813466764,
    8.8831497943883759412,
    93.506656132177855979,
    597.27027639480026226,
    2494.5375852903726711,
    6848.1904505362823326,
    11602.651437647350124,
    9842.7148383839780218,
    1.0765576773720192317e-8
  };
  private static final double[] D = {
    22.266688044328115691,
    235.38790178262499861,
    1519.377599407554805,
    6485.558298266760755,
    18615.571640885098091,
    34900.952721145977266,
    38912.003286093271411,
    19685.429676859990727
  };
  private static final double[] P = {
    0.21589853405795699,
    0.1274011611602473639,
    0.022235277870649807,
    0.001421619193227893466,
    2.9112874951168792e-5,
    0.02307344176494017303
  };
  private static final double[] Q = {
    1.28426009614491121,
    0.468238212480865118,
    0.0659881378689285515,
    0.00378239633202758244,
    7.29751555083966205e-5
  };
  private static final double SQRT32 = Math.sqrt(32);
  private static final double LOWER_LIMIT = -37.5193;
  private static final double UPPER_LIMIT = 8.2924;

  /**
   * Φ(x) by Cody's algorithm. Agrees with {@link #normalCdf} to about 1e-15 relative.
   *
   * @param x any real
   * @return the lower-tail probability
   */
  static double fastNormalCdf(double x) {
    double y = Math.abs(x);
    if (y <= 0.67448975) {
      double xsq = x * x;
      double xnum = A[4] * xsq;
      double xden = xsq;
      for (int i = 0; i < 3; i++) {
        xnum = (xnum + A[i]) * xsq;
        xden = (xden + B[i]) * xsq;
      }
      return 0.5 + x * (xnum + A[3]) / (xden + B[3]);
    }
    if (x < LOWER_LIMIT) {
      return 0.0;
    }
    if (x > UPPER_LIMIT) {
      return 1.0;
    }
    double tail; // Φ(−y)
    if (y <= SQRT32) {
      double xnum = C[8] * y;
      double xden = y;
      for (int i = 0; i < 7; i++) {
        xnum = (xnum + C[i]) * y;
        xden = (xden + D[i]) * y;
      }
      tail = gaussTail(y, (xnum + C[7]) / (xden + D[7]));
    } else {
      double xsq = 1.0 / (y * y);
      double xnum = P[5] * xsq;
      double xden = xsq;
      for (int i = 0; i < 4; i++) {
        xnum = (xnum + P[i]) * xsq;
        xden = (xden + Q[i]) * xsq;
      }
      double r = xsq * (xnum + P[4]) / (xden + Q[4]);
      tail = gaussTail(y, (INV_SQRT_2PI - r) / y);
    }
    return x > 0 ? 1.0 - tail : tail;
  }

  /** exp(−y²/2)·rational, with y² split so that the exponent is computed without cancellation. */
  private static double gaussTail(double y, double rational) {
    double ysq = Math.floor(y * 16) / 16;
    double del = (y - ysq) * (y + ysq);
    return Math.exp(-0.5 * ysq * ysq) * Math.exp(-0.5 * del) * rational;
  }
}
