package dev.ff.core.stats;

/**
 * Sufficient statistics of one arm for CUPED (X = pre-exposure covariate, Y = outcome).
 *
 * @param n number of units
 * @param sumPre ΣX
 * @param sumPost ΣY
 * @param sumPreSquares ΣX²
 * @param sumPostSquares ΣY²
 * @param sumCrossProducts ΣXY
 */
public record CupedSums(
    long n,
    double sumPre,
    double sumPost,
    double sumPreSquares,
    double sumPostSquares,
    double sumCrossProducts) {

  /** Checks the sums: n ≥ 0 and every sum finite. */
  public CupedSums {
    Checks.count("n", n);
    Checks.finite("sumPre", sumPre);
    Checks.finite("sumPost", sumPost);
    Checks.finite("sumPreSquares", sumPreSquares);
    Checks.finite("sumPostSquares", sumPostSquares);
    Checks.finite("sumCrossProducts", sumCrossProducts);
  }

  /**
   * Aggregates one arm's raw values.
   *
   * @param sample the arm's covariate and outcome values
   * @return the six sums
   */
  public static CupedSums of(CupedSample sample) {
    double[] x = Checks.finite("pre", sample.pre());
    double[] y = Checks.finite("post", sample.post());
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      sx += x[i];
      sy += y[i];
      sxx += x[i] * x[i];
      syy += y[i] * y[i];
      sxy += x[i] * y[i];
    }
    return new CupedSums(x.length, sx, sy, sxx, syy, sxy);
  }

  CoMoments moments() {
    return CoMoments.ofSums(n, sumPre, sumPost, sumPreSquares, sumPostSquares, sumCrossProducts);
  }
}
