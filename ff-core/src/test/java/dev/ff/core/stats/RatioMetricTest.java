package dev.ff.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RatioMetricTest {
  private static final double[] C1 = {12.1, 9.8, 11.4, 10.2, 13.5, 8.9, 10.7, 11.9};
  private static final double[] T1 = {13.2, 12.8, 10.9, 14.6, 12.2, 15.1, 11.7};

  private static double[] ones(int n) {
    double[] d = new double[n];
    Arrays.fill(d, 1);
    return d;
  }

  @Test
  void test_denominatorsOfOneReproduceWelch() {
    RatioResult ratio = RatioMetric.test(C1, ones(8), T1, ones(7), 0.05);
    WelchResult welch = Welch.test(C1, T1, 0.05);
    assertThat(ratio.status()).isEqualTo(Status.OK);
    assertThat(ratio.diff()).isCloseTo(welch.diff(), within(1e-12));
    assertThat(ratio.se()).isCloseTo(welch.se(), within(1e-12));
    assertThat(ratio.df()).isCloseTo(welch.df(), within(1e-9));
    assertThat(ratio.pValue()).isCloseTo(welch.pValue(), within(1e-12));
    assertThat(ratio.liftSe()).isCloseTo(welch.liftSe(), within(1e-12));
    RatioResult sums = RatioMetric.test(RatioSums.of(C1, ones(8)), RatioSums.of(T1, ones(7)), 0.05);
    assertThat(sums.se()).isCloseTo(welch.se(), within(1e-10));
  }

  @Test
  void test_workedExampleFourVarianceByHand() {
    // Control: Σm = 10, Σd = 7, R = 10/7; L_i = (m_i − R·d_i)/d̄ with d̄ = 7/5.
    double[] m = {2, 0, 3, 1, 4};
    double[] d = {1, 1, 2, 1, 2};
    double r = 10.0 / 7;
    double dBar = 7.0 / 5;
    double ss = 0;
    for (int i = 0; i < 5; i++) {
      double l = (m[i] - r * d[i]) / dBar;
      ss += l * l; // Σ L = 0 exactly in exact arithmetic
    }
    RatioResult res =
        RatioMetric.test(
            m, d, new double[] {3, 2, 4, 1, 5, 2}, new double[] {1, 2, 2, 1, 2, 1}, 0.05);
    assertThat(res.ratioControl()).isCloseTo(r, within(1e-15));
    assertThat(res.varMeanControl()).isCloseTo(ss / 4 / 5, within(1e-14));
    // The worked example in docs/statistics.md, six significant digits.
    assertThat(res.varMeanControl()).isCloseTo(0.0989171, within(5e-8));
    assertThat(res.pValue()).isCloseTo(0.329103, within(5e-7));
    // The same from sums.
    RatioResult sums =
        RatioMetric.test(
            RatioSums.of(m, d),
            RatioSums.of(new double[] {3, 2, 4, 1, 5, 2}, new double[] {1, 2, 2, 1, 2, 1}),
            0.05);
    assertThat(sums.se()).isCloseTo(res.se(), within(1e-12));
    assertThat(sums.pValue()).isCloseTo(res.pValue(), within(1e-12));
    assertThat(sums.liftCiUpper()).isCloseTo(res.liftCiUpper(), within(1e-12));
  }

  @Property(tries = 100)
  void test_sumsAndRawValuesAgree(
      @ForAll @IntRange(min = 2, max = 200) int nC,
      @ForAll @IntRange(min = 2, max = 200) int nT,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    double[][] c = sample(rnd, nC, 2.0);
    double[][] t = sample(rnd, nT, 2.4);
    RatioResult raw = RatioMetric.test(c[0], c[1], t[0], t[1], 0.05);
    RatioResult sums = RatioMetric.test(RatioSums.of(c[0], c[1]), RatioSums.of(t[0], t[1]), 0.05);
    assertThat(sums.status()).isEqualTo(raw.status());
    if (raw.status() == Status.OK) {
      assertThat(sums.se()).isCloseTo(raw.se(), within(1e-8 * raw.se()));
      assertThat(sums.pValue()).isCloseTo(raw.pValue(), within(1e-7));
      assertThat(raw.pValue()).isBetween(0.0, 1.0);
      assertThat(raw.ciLower()).isLessThanOrEqualTo(raw.diff());
      assertThat(raw.ciUpper()).isGreaterThanOrEqualTo(raw.diff());
      RatioResult swapped = RatioMetric.test(t[0], t[1], c[0], c[1], 0.05);
      assertThat(swapped.diff()).isCloseTo(-raw.diff(), within(1e-12));
      assertThat(swapped.pValue()).isCloseTo(raw.pValue(), within(1e-12));
    }
  }

  /** Sessions per user (0..4) and clicks with the given rate per session. */
  private static double[][] sample(Random rnd, int n, double rate) {
    double[] m = new double[n];
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = rnd.nextInt(5);
      m[i] = Math.rint(d[i] * rate * (0.5 + rnd.nextDouble()));
    }
    d[0] = Math.max(1, d[0]);
    return new double[][] {m, d};
  }

  @Test
  void test_statusRules() {
    double[] m = {3, 2, 4, 1, 5, 2};
    double[] d = {1, 2, 2, 1, 2, 1};
    RatioResult zeroDen =
        RatioMetric.test(new double[] {1, 2, 0}, new double[] {0, 0, 0}, m, d, 0.05);
    assertThat(zeroDen.status()).isEqualTo(Status.ZERO_DENOMINATOR);
    assertThat(zeroDen.ratioControl()).isNull();
    assertThat(zeroDen.diff()).isNull();
    assertThat(zeroDen.varMeanTreatment()).isNotNull();
    RatioResult single = RatioMetric.test(new double[] {2}, new double[] {1}, m, d, 0.05);
    assertThat(single.status()).isEqualTo(Status.INSUFFICIENT_DATA);
    assertThat(single.ratioControl()).isEqualTo(2.0);
    assertThat(single.diff()).isNotNull();
    assertThat(single.se()).isNull();
    RatioResult constant =
        RatioMetric.test(
            new double[] {2, 4, 6},
            new double[] {1, 2, 3},
            new double[] {3, 6},
            new double[] {1, 2},
            0.05);
    assertThat(constant.status()).isEqualTo(Status.ZERO_VARIANCE);
    assertThat(constant.se()).isZero();
    assertThat(constant.diff()).isEqualTo(1.0);
    assertThat(constant.lift()).isEqualTo(0.5);
  }

  @Test
  void test_invalidInputNamesTheField() {
    assertThatThrownBy(
            () -> RatioMetric.test(new double[] {1, 2}, new double[] {1}, C1, ones(8), 0.05))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("denominatorControl");
    assertThatThrownBy(
            () -> RatioMetric.test(C1, ones(8), new double[] {Double.NaN}, ones(1), 0.05))
        .hasMessageContaining("numeratorTreatment[0]");
  }
}
