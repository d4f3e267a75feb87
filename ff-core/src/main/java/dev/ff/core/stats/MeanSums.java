package dev.ff.core.stats;

/**
 * Sufficient statistics of one arm for a mean metric, as a warehouse aggregates them.
 *
 * @param n number of units (units without events count, with value 0)
 * @param sum Σx over the units
 * @param sumOfSquares Σx² over the units
 */
public record MeanSums(long n, double sum, double sumOfSquares) {

  /** Checks the sums: n ≥ 0, finite sums, Σx² ≥ 0. */
  public MeanSums {
    Checks.count("n", n);
    Checks.finite("sum", sum);
    Checks.finite("sumOfSquares", sumOfSquares);
    if (sumOfSquares < 0) {
      throw new IllegalArgumentException("sumOfSquares must be >= 0, got " + sumOfSquares);
    }
  }

  /**
   * Aggregates raw values.
   *
   * @param values per-unit values
   * @return their count, sum and sum of squares
   */
  public static MeanSums of(double... values) {
    Checks.finite("values", values);
    double s = 0;
    double ss = 0;
    for (double v : values) {
      s += v;
      ss += v * v;
    }
    return new MeanSums(values.length, s, ss);
  }

  Moments moments() {
    return Moments.ofSums(n, sum, sumOfSquares);
  }
}
