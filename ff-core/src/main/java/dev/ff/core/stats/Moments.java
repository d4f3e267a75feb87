package dev.ff.core.stats;

/**
 * Central moments of one sample: its size, mean and {@code m2 = Σ(x − x̄)²}. Built either from raw
 * values in two passes (first the mean, then the squared deviations) or from the sums {@code n, Σx,
 * Σx²} with compensated arithmetic. The mean is NaN for an empty sample.
 */
record Moments(long n, double mean, double m2) {

  /** Two passes over the values; a constant sample has {@code m2 = 0} exactly. */
  static Moments of(double[] x) {
    int n = x.length;
    if (n == 0) {
      return new Moments(0, Double.NaN, 0);
    }
    if (isConstant(x)) {
      return new Moments(n, x[0], 0);
    }
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    double mean = sum / n;
    double m2 = 0;
    for (double v : x) {
      double d = v - mean;
      m2 += d * d;
    }
    return new Moments(n, mean, m2);
  }

  /**
   * From {@code n, Σx, Σx²}: {@code m2 = Σx² − (Σx)²/n} without rounding the product or quotient.
   */
  static Moments ofSums(long n, double sum, double sumOfSquares) {
    if (n == 0) {
      return new Moments(0, Double.NaN, 0);
    }
    return new Moments(n, sum / n, Math.max(0, centered(n, sum, sum, sumOfSquares)));
  }

  /** The sample variance (n − 1 divisor), NaN when n &lt; 2. */
  double variance() {
    return n >= 2 ? m2 / (n - 1) : Double.NaN;
  }

  static boolean isConstant(double[] x) {
    for (int i = 1; i < x.length; i++) {
      if (x[i] != x[0]) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code Σab − Σa·Σb/n} with error-free transformations: the product {@code Σa·Σb} is split into
   * its rounded value and exact error (fma), and so is the quotient by n, so the only rounding that
   * matters is the final subtraction.
   */
  static double centered(long n, double sumA, double sumB, double sumAb) {
    double p = sumA * sumB;
    double pErr = Math.fma(sumA, sumB, -p);
    double nn = n;
    double q = p / nn;
    double qErr = Math.fma(-q, nn, p) / nn;
    return ((sumAb - q) - qErr) - pErr / nn;
  }
}
