package dev.ff.core.stats;

/**
 * Sufficient statistics of one arm for a ratio metric: per unit a numerator m and a denominator d.
 *
 * @param n number of units (units without events count, as (0, 0))
 * @param sumNumerator Σm
 * @param sumDenominator Σd
 * @param sumNumeratorSquares Σm²
 * @param sumDenominatorSquares Σd²
 * @param sumCrossProducts Σm·d
 */
public record RatioSums(
    long n,
    double sumNumerator,
    double sumDenominator,
    double sumNumeratorSquares,
    double sumDenominatorSquares,
    double sumCrossProducts) {

  /** Checks the sums: n ≥ 0 and every sum finite. */
  public RatioSums {
    Checks.count("n", n);
    Checks.finite("sumNumerator", sumNumerator);
    Checks.finite("sumDenominator", sumDenominator);
    Checks.finite("sumNumeratorSquares", sumNumeratorSquares);
    Checks.finite("sumDenominatorSquares", sumDenominatorSquares);
    Checks.finite("sumCrossProducts", sumCrossProducts);
  }

  /**
   * Aggregates raw pairs.
   *
   * @param numerators per-unit numerators
   * @param denominators per-unit denominators, same length
   * @return the six sums
   */
  public static RatioSums of(double[] numerators, double[] denominators) {
    Checks.finite("numerators", numerators);
    Checks.finite("denominators", denominators);
    Checks.sameLength("denominators", denominators, "numerators", numerators);
    double sm = 0;
    double sd = 0;
    double smm = 0;
    double sdd = 0;
    double smd = 0;
    for (int i = 0; i < numerators.length; i++) {
      double m = numerators[i];
      double d = denominators[i];
      sm += m;
      sd += d;
      smm += m * m;
      sdd += d * d;
      smd += m * d;
    }
    return new RatioSums(numerators.length, sm, sd, smm, sdd, smd);
  }
}
