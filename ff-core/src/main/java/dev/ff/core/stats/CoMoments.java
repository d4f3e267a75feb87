package dev.ff.core.stats;

import java.util.List;

/**
 * Central co-moments of a paired sample (x, y): size, means and the centred sums {@code sxx = Σ(x −
 * x̄)²}, {@code syy}, {@code sxy = Σ(x − x̄)(y − ȳ)}. Means are NaN for an empty sample.
 */
record CoMoments(long n, double meanX, double meanY, double sxx, double syy, double sxy) {

  static final CoMoments EMPTY = new CoMoments(0, Double.NaN, Double.NaN, 0, 0, 0);

  /** Two passes over the pairs; a constant coordinate has zero centred sums exactly. */
  static CoMoments of(double[] x, double[] y) {
    int n = x.length;
    if (n == 0) {
      return EMPTY;
    }
    boolean constX = Moments.isConstant(x);
    boolean constY = Moments.isConstant(y);
    double mx = constX ? x[0] : mean(x);
    double my = constY ? y[0] : mean(y);
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      double dx = constX ? 0 : x[i] - mx;
      double dy = constY ? 0 : y[i] - my;
      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
    }
    return new CoMoments(n, mx, my, sxx, syy, sxy);
  }

  /** From the sums {@code n, Σx, Σy, Σx², Σy², Σxy}, with compensated arithmetic. */
  static CoMoments ofSums(
      long n, double sumX, double sumY, double sumXx, double sumYy, double sumXy) {
    if (n == 0) {
      return EMPTY;
    }
    return new CoMoments(
        n,
        sumX / n,
        sumY / n,
        Math.max(0, Moments.centered(n, sumX, sumX, sumXx)),
        Math.max(0, Moments.centered(n, sumY, sumY, sumYy)),
        Moments.centered(n, sumX, sumY, sumXy));
  }

  /**
   * Pools samples (Chan, Golub and LeVeque): the centred sums of the union are the sums of the
   * parts plus the between-part terms {@code n_j (x̄_j − x̄)(ȳ_j − ȳ)}.
   */
  static CoMoments pooled(List<CoMoments> parts) {
    long n = 0;
    double sx = 0;
    double sy = 0;
    for (CoMoments p : parts) {
      if (p.n > 0) {
        n += p.n;
        sx += p.n * p.meanX;
        sy += p.n * p.meanY;
      }
    }
    if (n == 0) {
      return EMPTY;
    }
    double mx = sx / n;
    double my = sy / n;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (CoMoments p : parts) {
      if (p.n > 0) {
        double dx = p.meanX - mx;
        double dy = p.meanY - my;
        sxx += p.sxx + p.n * dx * dx;
        syy += p.syy + p.n * dy * dy;
        sxy += p.sxy + p.n * dx * dy;
      }
    }
    return new CoMoments(n, mx, my, sxx, syy, sxy);
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }
}
