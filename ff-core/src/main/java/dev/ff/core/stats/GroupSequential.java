package dev.ff.core.stats;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * The recursive numerical integration behind group-sequential boundaries (Armitage, McPherson and
 * Rowe 1969; Jennison and Turnbull 2000, ch. 19).
 *
 * <p>After look k the sub-density {@code g} of Z_k (the paths that stayed inside every boundary so
 * far) is held on a grid of M + 1 equally spaced nodes over {@code [−c_k, c_k]} and integrated with
 * Simpson's rule. Boundaries and densities are symmetric, so grids are built mirrored ({@code
 * u_{M−j} = −u_j} exactly) and only half of each new density is computed.
 *
 * <p>Cost is O(M²) per look. Along each row of the density update the kernel arguments are equally
 * spaced, so the Gaussian kernel factors into a per-block constant, a power q^m and a shape shared
 * by all rows: each block of {@value #BLOCK} nodes is one Horner polynomial with two {@code exp}
 * calls instead of 64 (see {@link #blockCoefficients}). Rows stop where the kernel is negligible.
 * Exit probabilities use Cody's Φ. The loops run over plain {@code double[]} without boxing or
 * allocation.
 */
final class GroupSequential {
  /** Simpson intervals per look (even). */
  static final int M = 2000;

  private static final int HALF = M / 2;

  /** Nodes per block of the density update, and the number of blocks covering 0..M. */
  private static final int BLOCK = 64;

  private static final int BLOCKS = M / BLOCK + 1;

  /**
   * The block form needs q^m = exp(m·δ·D) to stay finite for m &lt; {@value #BLOCK} and |D| up to
   * the cut plus one block: it is used while BLOCK·δ·(cut + BLOCK·δ) is below this exponent (steps
   * are about 0.05 in practice; only extreme alpha or look spacing comes near).
   */
  private static final double MAX_BLOCK_EXPONENT = 600;

  /**
   * Terms below {@code NEGLIGIBLE·min(1, α)} (kernel values relative to the peak 1, normal tail
   * probabilities) are dropped; scaling with α keeps the dropped mass far below the alpha being
   * spent, however small.
   */
  private static final double NEGLIGIBLE = 1e-22;

  private static final double INV_SQRT_2PI = 0.398942280401432677939946059934;

  /** Simpson weights without the factor h/3: 1, 4, 2, 4, …, 2, 4, 1. */
  private static final double[] SIMPSON = new double[M + 1];

  static {
    for (int j = 0; j <= M; j++) {
      SIMPSON[j] = j == 0 || j == M ? 1 : (j % 2 == 1 ? 4 : 2);
    }
  }

  private GroupSequential() {}

  /** The root finder the contract names: relative accuracy 1e-15, absolute 1e-12. */
  static BrentSolver solver() {
    return new BrentSolver(1e-15, 1e-12);
  }

  /**
   * Boundaries c_1..c_K of the spending design: {@code c_1 = z_{1−π_1/2}}, then each c_k solves
   * {@code E(c) = π_k}, where E is the probability of staying inside the earlier boundaries and
   * exiting at look k.
   *
   * @param t checked information fractions
   * @param incremental π_k, the alpha spent at each look
   * @param alpha the total alpha (sets how small a term must be to be dropped)
   * @return the boundaries
   */
  static double[] spendingBoundaries(double[] t, double[] incremental, double alpha) {
    int looks = t.length;
    double cut = cutFor(alpha);
    double[] c = new double[looks];
    double[] u = new double[M + 1];
    double[] g = new double[M + 1];
    double[] v = new double[M + 1];
    double[] beta = new double[M + 1];
    c[0] = Dist.normalUpperQuantile(incremental[0] / 2);
    firstLook(c[0], u, g);
    BrentSolver solver = solver();
    for (int k = 1; k < looks; k++) {
      double a = Math.sqrt(t[k]);
      double b = Math.sqrt(t[k - 1]);
      double s = Math.sqrt(t[k] - t[k - 1]);
      weigh(g, c[k - 1], v);
      double gamma = a / s;
      for (int j = 0; j <= M; j++) {
        beta[j] = u[j] * (b / s);
      }
      // E(c) = π_k, solved on the log scale so that tiny alphas keep their relative precision.
      double logTarget = Math.log(incremental[k]);
      c[k] = root(solver, x -> log(exitProbability(v, beta, gamma, x, cut)) - logTarget, c[k - 1]);
      if (k < looks - 1) {
        density(v, c[k - 1], c[k], a, b, s, g, cut);
        grid(c[k], u);
      }
    }
    return c;
  }

  /**
   * The probability under H0 that a path crosses the constant boundary {@code ±c} at some look:
   * 2Φ(−c) at the first look plus the exit probability E(c) of each later look. This is 1 minus the
   * mass Σ W_j g_j left after the last look, computed from tail probabilities so that it keeps its
   * relative precision for any alpha.
   */
  static double constantBoundaryExit(double c, double[] t, double cut) {
    double[] u = new double[M + 1];
    double[] g = new double[M + 1];
    double[] v = new double[M + 1];
    double[] beta = new double[M + 1];
    firstLook(c, u, g);
    double exit = Dist.normalTwoSided(c);
    for (int k = 1; k < t.length; k++) {
      double a = Math.sqrt(t[k]);
      double b = Math.sqrt(t[k - 1]);
      double s = Math.sqrt(t[k] - t[k - 1]);
      weigh(g, c, v);
      for (int j = 0; j <= M; j++) {
        beta[j] = u[j] * (b / s);
      }
      exit += exitProbability(v, beta, a / s, c, cut);
      if (k < t.length - 1) {
        density(v, c, c, a, b, s, g, cut);
      }
    }
    return exit;
  }

  /** The kernel argument (and normal quantile) beyond which terms are dropped for this alpha. */
  static double cutFor(double alpha) {
    return Math.sqrt(-2 * Math.log(NEGLIGIBLE * Math.min(1, alpha)));
  }

  /** The natural logarithm, with 0 (underflow far in a tail) mapped to the smallest double. */
  static double log(double x) {
    return Math.log(Math.max(Double.MIN_VALUE, x));
  }

  /**
   * The root in [0, 20] of a decreasing function, found by Brent's method. The bracket is first
   * narrowed around {@code guess} (the previous boundary, usually within 0.2 of the root) so that
   * Brent needs few evaluations; values already computed are not computed again. Only an alpha so
   * small that a boundary passes 20 (below about 1e-88) widens the search to twice the guess.
   */
  static double root(BrentSolver solver, UnivariateFunction f, double guess) {
    UnivariateFunction memo = new Memo(f);
    double lo = 0;
    double hi = Math.max(20, 2 * guess);
    double x = Math.max(lo, Math.min(hi, guess));
    double step = 0.2;
    if (memo.value(x) > 0) {
      lo = x;
      while (x < hi) {
        x = Math.min(hi, x + step);
        step *= 2;
        if (memo.value(x) <= 0) {
          hi = x;
          break;
        }
        lo = x;
      }
    } else {
      hi = x;
      while (x > lo) {
        x = Math.max(lo, x - step);
        step *= 2;
        if (memo.value(x) >= 0) {
          lo = x;
          break;
        }
        hi = x;
      }
    }
    return solver.solve(500, memo, lo, hi, 0.5 * (lo + hi));
  }

  /** Remembers the last few values of an expensive function. */
  private static final class Memo implements UnivariateFunction {
    private final UnivariateFunction f;
    private final double[] xs = new double[4];
    private final double[] ys = new double[4];
    private int size;
    private int next;

    Memo(UnivariateFunction f) {
      this.f = f;
    }

    @Override
    public double value(double x) {
      for (int i = 0; i < size; i++) {
        if (xs[i] == x) {
          return ys[i];
        }
      }
      double y = f.value(x);
      xs[next] = x;
      ys[next] = y;
      next = (next + 1) % xs.length;
      size = Math.min(size + 1, xs.length);
      return y;
    }
  }

  /** Nodes −c + j·h (h = 2c/M), mirrored so that u_{M−j} = −u_j exactly. */
  static void grid(double c, double[] u) {
    double h = 2 * c / M;
    for (int j = 0; j < HALF; j++) {
      u[j] = -c + j * h;
      u[M - j] = -u[j];
    }
    u[HALF] = 0;
  }

  private static void firstLook(double c, double[] u, double[] g) {
    grid(c, u);
    for (int j = 0; j <= M; j++) {
      g[j] = Dist.normalPdf(u[j]);
    }
  }

  /** v_j = W_j·g_j with the Simpson weights (h/3)·(1, 4, 2, …, 4, 1) of the grid on [−c, c]. */
  private static void weigh(double[] g, double c, double[] v) {
    double h3 = 2 * c / M / 3;
    for (int j = 0; j <= M; j++) {
      v[j] = SIMPSON[j] * h3 * g[j];
    }
  }

  /**
   * E(c) = Σ_j v_j [Φ(β_j − γc) + Φ(−β_j − γc)] with β_j = u_j·b/s and γ = a/s. The weights and
   * nodes are symmetric, so this is 2·Σ_j v_j Φ(β_j − γc). Terms with an argument below −cut are
   * skipped: together they are far below the accuracy of the quadrature.
   */
  static double exitProbability(double[] v, double[] beta, double gamma, double c, double cut) {
    double shift = gamma * c;
    double sum = 0;
    for (int j = 0; j <= M; j++) {
      double x = beta[j] - shift;
      if (x > -cut) {
        sum += v[j] * Dist.fastNormalCdf(x);
      }
    }
    return 2 * sum;
  }

  /**
   * The sub-density of Z_k on the new grid over [−cNew, cNew]: g_i = Σ_j v_j (a/s) φ((z_i·a −
   * u_j·b)/s), where u is the previous grid over [−cPrev, cPrev].
   */
  private static void density(
      double[] v, double cPrev, double cNew, double a, double b, double s, double[] g, double cut) {
    double hPrev = 2 * cPrev / M;
    double hNew = 2 * cNew / M;
    double gamma = a / s;
    double slope = b / s;
    // Along a row the kernel argument is d_j = γ·z_i − slope·u_j = d0 − j·δ.
    double delta = slope * hPrev;
    double scale = gamma * INV_SQRT_2PI;
    double blockSpan = BLOCK * delta;
    boolean blocks = blockSpan * (cut + blockSpan) < MAX_BLOCK_EXPONENT;
    double[] c = blocks ? blockCoefficients(v, delta) : null;
    for (int i = 0; i <= HALF; i++) {
      double z = i == HALF ? 0 : -cNew + i * hNew;
      double d0 = gamma * z + slope * cPrev;
      double row = blocks ? kernelRow(c, d0, delta, cut) : kernelRowDirect(v, d0, delta, cut);
      g[i] = scale * row;
      g[M - i] = g[i];
    }
  }

  /**
   * c_j = v_j·exp(−(mδ)²/2) with m = j mod {@value #BLOCK}, zero-padded to whole blocks. Splitting
   * d_j = D − mδ inside a block that starts at D gives exp(−d_j²/2) = exp(−D²/2)·q^m·exp(−(mδ)²/2)
   * with q = exp(D·δ), so each block's sum is exp(−D²/2) times a polynomial in q with these
   * coefficients, shared by every row of the look.
   */
  private static double[] blockCoefficients(double[] v, double delta) {
    double[] shape = new double[BLOCK];
    for (int m = 0; m < BLOCK; m++) {
      double x = m * delta;
      shape[m] = Math.exp(-0.5 * x * x);
    }
    double[] c = new double[BLOCKS * BLOCK];
    for (int j = 0; j <= M; j++) {
      c[j] = v[j] * shape[j % BLOCK];
    }
    return c;
  }

  /**
   * Σ_j v_j·exp(−d_j²/2) with d_j = d0 − j·δ, over the blocks that hold a node with |d_j| ≤ cut
   * (every other term is negligible). Each block's polynomial is evaluated by Horner's rule, four
   * blocks side by side so that their multiply-add chains overlap.
   */
  static double kernelRow(double[] c, double d0, double delta, double cut) {
    int lo = (int) Math.max(0, Math.ceil((d0 - cut) / delta));
    int hi = (int) Math.min(M, Math.floor((d0 + cut) / delta));
    if (lo > hi) {
      return 0;
    }
    int last = hi / BLOCK;
    double sum = 0;
    int blk = lo / BLOCK;
    for (; blk + 3 <= last; blk += 4) {
      int j1 = blk * BLOCK;
      int j2 = j1 + BLOCK;
      int j3 = j2 + BLOCK;
      int j4 = j3 + BLOCK;
      double e1 = d0 - j1 * delta;
      double e2 = d0 - j2 * delta;
      double e3 = d0 - j3 * delta;
      double e4 = d0 - j4 * delta;
      double q1 = Math.exp(e1 * delta);
      double q2 = Math.exp(e2 * delta);
      double q3 = Math.exp(e3 * delta);
      double q4 = Math.exp(e4 * delta);
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      double s4 = 0;
      for (int m = BLOCK - 1; m >= 0; m--) {
        s1 = s1 * q1 + c[j1 + m];
        s2 = s2 * q2 + c[j2 + m];
        s3 = s3 * q3 + c[j3 + m];
        s4 = s4 * q4 + c[j4 + m];
      }
      sum +=
          Math.exp(-0.5 * e1 * e1) * s1
              + Math.exp(-0.5 * e2 * e2) * s2
              + Math.exp(-0.5 * e3 * e3) * s3
              + Math.exp(-0.5 * e4 * e4) * s4;
    }
    for (; blk <= last; blk++) {
      int j1 = blk * BLOCK;
      double e1 = d0 - j1 * delta;
      double q1 = Math.exp(e1 * delta);
      double s1 = 0;
      for (int m = BLOCK - 1; m >= 0; m--) {
        s1 = s1 * q1 + c[j1 + m];
      }
      sum += Math.exp(-0.5 * e1 * e1) * s1;
    }
    return sum;
  }

  /** The same sum term by term, for coarse steps where q^m could overflow inside a block. */
  static double kernelRowDirect(double[] v, double d0, double delta, double cut) {
    int lo = (int) Math.max(0, Math.ceil((d0 - cut) / delta));
    int hi = (int) Math.min(M, Math.floor((d0 + cut) / delta));
    double sum = 0;
    for (int j = lo; j <= hi; j++) {
      double d = d0 - j * delta;
      sum += v[j] * Math.exp(-0.5 * d * d);
    }
    return sum;
  }
}
