package dev.ff.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class DistTest {

  /** Φ(x) = erfc(−x/√2)/2, the commons-math route the contract names. */
  private static double reference(double x) {
    return 0.5 * Erf.erfc(-x / Math.sqrt(2));
  }

  @Property(tries = 2000)
  void fastNormalCdf_agreesWithErfcToFullRelativePrecision(
      @ForAll @DoubleRange(min = -37, max = 8) double x) {
    double fast = Dist.fastNormalCdf(x);
    double ref = reference(x);
    // commons-math's erfc itself drifts to about 1e-13 relative in the far tail.
    assertThat(fast).isCloseTo(ref, within(1e-12 * ref + 1e-300));
    // The upper tail, too, where it is the small side.
    if (x > 0) {
      assertThat(1 - fast).isCloseTo(0.5 * Erf.erfc(x / Math.sqrt(2)), within(1e-15));
    }
  }

  @Test
  void fastNormalCdf_matchesHighPrecisionValues() {
    // Φ(x) from mpmath with 30-digit arithmetic.
    double[][] cases = {
      {-0.3, 0.38208857781104736693},
      {-1, 0.15865525393145705141},
      {-3, 0.0013498980316300945267},
      {-7, 1.2798125438858350044e-12},
      {-15, 3.6709661993127508858e-51},
      {-30, 4.9067139271481870595e-198},
      {-37, 5.7255712225245768227e-300}
    };
    for (double[] c : cases) {
      assertThat(Dist.fastNormalCdf(c[0])).as("Φ(%s)", c[0]).isCloseTo(c[1], within(2e-15 * c[1]));
    }
  }

  @Test
  void fastNormalCdf_isExactHalfAtZeroAndSaturates() {
    assertThat(Dist.fastNormalCdf(0)).isEqualTo(0.5);
    assertThat(Dist.fastNormalCdf(-40)).isZero();
    assertThat(Dist.fastNormalCdf(9)).isEqualTo(1.0);
    // Φ(−20) to 20 digits from mpmath (40-digit arithmetic).
    double phi20 = 2.7536241186062336951e-89;
    assertThat(Dist.fastNormalCdf(-20)).isCloseTo(phi20, within(1e-15 * phi20));
  }

  @Test
  void normalTwoSided_atZ975IsFivePercent() {
    // z_{0.975} from the contract's list of constants.
    assertThat(Dist.normalTwoSided(1.959963984540054)).isCloseTo(0.05, within(1e-15));
    assertThat(Dist.normalQuantile(0.975)).isCloseTo(1.959963984540054, within(1e-14));
    assertThat(Dist.normalQuantile(0.8)).isCloseTo(0.8416212335729143, within(1e-14));
  }

  @Test
  void normalUpperQuantile_isAccurateFarIntoTheTail() {
    // z_{1−p} from mpmath (50 digits): solves log Φ(−z) = log p.
    assertThat(Dist.normalUpperQuantile(0.025)).isCloseTo(1.9599639845400542355, within(1e-15));
    assertThat(Dist.normalUpperQuantile(1e-5)).isCloseTo(4.2648907939228246285, within(4e-15));
    assertThat(Dist.normalUpperQuantile(1e-20)).isCloseTo(9.2623400897984075737, within(1e-14));
    assertThat(Dist.normalUpperQuantile(1e-300)).isCloseTo(37.047096299361199237, within(1e-13));
    assertThat(Dist.normalUpperQuantile(0.975)).isCloseTo(-1.9599639845400542355, within(1e-15));
    assertThat(Dist.normalQuantile(0.5)).isZero();
  }

  @Property(tries = 3000)
  void tUpperQuantile_invertsTheTailForAnyDfAndTail(
      @ForAll @DoubleRange(min = 1, max = 1e7) double df,
      @ForAll @DoubleRange(min = -15, max = -0.31) double log10P) {
    double p = Math.pow(10, log10P);
    double q = Dist.tUpperQuantile(p, df);
    TDistribution t = new TDistribution(null, df, Dist.T_QUANTILE_ACCURACY);
    assertThat(q).isPositive();
    if (df <= 1e5) {
      // The quantile inverts the tail: T_ν(−q) = p, and agrees with commons-math's own inversion
      // where that one is accurate.
      assertThat(t.cumulativeProbability(-q) / p).isCloseTo(1.0, within(1e-9));
      if (p >= 1e-8) {
        assertThat(q).isCloseTo(-t.inverseCumulativeProbability(p), within(1e-9 + 1e-9 * q));
      }
    } else {
      // Beyond 10⁵ degrees of freedom the regularized beta behind commons-math's T_ν carries noise
      // near 1e-8 relative, too much to judge by; check instead that q lies between z and z plus
      // its first-order correction (A&S 26.7.5).
      double z = Dist.normalUpperQuantile(p);
      assertThat(q).isBetween(z, z + 1.5 * (z * z * z + z) / (4 * df) + 1e-15);
    }
  }

  @Test
  void tUpperQuantile_staysFiniteAndAccurateForTinyTails() {
    // scipy.stats.t.isf(5e-21, 12.59942027850254) = 121.68723586060507.
    double df = 12.59942027850254;
    double q = Dist.tUpperQuantile(5e-21, df);
    assertThat(q).isCloseTo(121.68723586060507, within(1e-9 * 121.7));
    // The ordinary range goes through commons-math: t_{ν,0.975}.
    assertThat(Dist.tUpperQuantile(0.025, 50.0 / 17)).isCloseTo(3.218758614532882, within(1e-11));
  }

  @Test
  void normalTwoSided_keepsRelativePrecisionNear1eMinus300() {
    // erfc(26.5/√2)·… is about 1e-154; z = 37 gives about 5.7e-300. Reference: the asymptotic
    // series 2φ(z)/z·(1 − 1/z² + 3/z⁴ − 15/z⁶) is accurate to 1e-9 relative at z = 37.
    double z = 37;
    double phi = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    double series = 2 * phi / z * (1 - 1 / (z * z) + 3 / Math.pow(z, 4) - 15 / Math.pow(z, 6));
    assertThat(Dist.normalTwoSided(z)).isCloseTo(series, within(1e-9 * series));
  }

  @Test
  void tTwoSided_zeroStatisticGivesOneAndLargeDfApproachesNormal() {
    assertThat(Dist.tTwoSided(0, 5)).isEqualTo(1.0);
    // The exact value (mpmath, 40 digits) is 0.0124194100767608201; commons-math's incomplete
    // beta is good to a few 1e-10 relative at two million degrees of freedom.
    double exact = 0.0124194100767608201;
    assertThat(Dist.tTwoSided(2.5, 2e6)).isCloseTo(exact, within(1e-9 * exact));
    assertThat(Dist.tTwoSided(-2.5, 2e6)).isCloseTo(exact, within(1e-9 * exact));
  }

  @Test
  void chiSquareSurvival_zeroIsOneAndTwoDfIsExponential() {
    assertThat(Dist.chiSquareSurvival(0, 3)).isEqualTo(1.0);
    // Q_2(x) = exp(−x/2) exactly.
    assertThat(Dist.chiSquareSurvival(36, 2))
        .isCloseTo(Math.exp(-18), within(1e-12 * Math.exp(-18)));
  }
}
