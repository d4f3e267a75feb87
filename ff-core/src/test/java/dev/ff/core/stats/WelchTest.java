package dev.ff.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class WelchTest {
  private static final double[] C1 = {12.1, 9.8, 11.4, 10.2, 13.5, 8.9, 10.7, 11.9};
  private static final double[] T1 = {13.2, 12.8, 10.9, 14.6, 12.2, 15.1, 11.7};

  @Test
  void test_handCalculatedExample() {
    // control mean 2, var 1; treatment mean 4, var 4: q = 1/3 and 4/3, se = √(5/3),
    // df = (5/3)² / ((1/3)²/2 + (4/3)²/2) = 50/17, lift = 1, liftSe = √(1/3 + 1/3).
    WelchResult r = Welch.test(new double[] {1, 2, 3}, new double[] {2, 4, 6}, 0.05);
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.diff()).isEqualTo(2.0);
    assertThat(r.se()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-15));
    assertThat(r.tStat()).isCloseTo(2 / Math.sqrt(5.0 / 3), within(1e-14));
    assertThat(r.df()).isCloseTo(50.0 / 17, within(1e-14));
    assertThat(r.lift()).isEqualTo(1.0);
    assertThat(r.liftSe()).isCloseTo(Math.sqrt(2.0 / 3), within(1e-15));
    // p-value and t quantile from scipy.stats.t (independent implementation).
    assertThat(r.pValue()).isCloseTo(0.2208808404940958, within(1e-12));
    double tq = 3.218758614532882;
    assertThat(r.ciLower()).isCloseTo(2 - tq * Math.sqrt(5.0 / 3), within(1e-10));
    assertThat(r.ciUpper()).isCloseTo(2 + tq * Math.sqrt(5.0 / 3), within(1e-10));
  }

  @Test
  void test_sufficientStatisticsMatchRawValuesOnTheWorkedExample() {
    WelchResult raw = Welch.test(C1, T1, 0.05);
    WelchResult sums = Welch.test(MeanSums.of(C1), MeanSums.of(T1), 0.05);
    assertClose(sums, raw, 1e-10);
    // The worked example in docs/statistics.md, six significant digits.
    assertThat(raw.pValue()).isCloseTo(0.0314847, within(5e-8));
    assertThat(raw.df()).isCloseTo(12.5994, within(5e-5));
  }

  @Test
  void test_oneConstantArmUsesTheOtherArmsDegreesOfFreedom() {
    WelchResult r = Welch.test(new double[] {4, 4, 4, 4}, new double[] {3, 5, 6, 8}, 0.05);
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.df()).isCloseTo(3.0, within(1e-12));
  }

  @Test
  void test_negativeControlMeanGivesLiftWithTheSignOfDiff() {
    WelchResult r = Welch.test(new double[] {-3, -5, -4}, new double[] {-1, -2, -2}, 0.05);
    assertThat(r.diff()).isPositive();
    assertThat(r.lift()).isCloseTo(r.diff() / 4, within(1e-15));
  }

  @Test
  void test_zeroControlMeanLeavesLiftNull() {
    WelchResult r = Welch.test(new double[] {-1, 1, -2, 2}, new double[] {1, 2, 3}, 0.05);
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.lift()).isNull();
    assertThat(r.liftSe()).isNull();
    assertThat(r.liftCiLower()).isNull();
  }

  @Test
  void test_statusRules() {
    WelchResult constant = Welch.test(new double[] {5, 5, 5}, new double[] {5, 5, 5, 5}, 0.05);
    assertThat(constant.status()).isEqualTo(Status.ZERO_VARIANCE);
    assertThat(constant.se()).isZero();
    assertThat(constant.df()).isNull();
    assertThat(constant.pValue()).isEqualTo(1.0);
    assertThat(constant.lift()).isZero();
    WelchResult single = Welch.test(new double[] {2}, new double[] {3, 4, 8}, 0.05);
    assertThat(single.status()).isEqualTo(Status.INSUFFICIENT_DATA);
    assertThat(single.varControl()).isNull();
    assertThat(single.varTreatment()).isEqualTo(7.0);
    assertThat(single.diff()).isEqualTo(3.0);
    assertThat(single.lift()).isEqualTo(1.5);
    assertThat(single.se()).isNull();
    assertThat(single.tStat()).isZero();
    assertThat(single.isSignificant(0.05)).isFalse();
  }

  @Test
  void test_largeSamplesFromSumsStayFastAndNormal() {
    // n = 10^6 per arm: df ≈ 2·10^6, so the p-value is the normal one to about 1e-6.
    MeanSums c = new MeanSums(1_000_000, 1_000_000 * 10.0, 1_000_000 * (100.0 + 4.0));
    MeanSums t = new MeanSums(1_000_000, 1_000_000 * 10.01, 1_000_000 * (10.01 * 10.01 + 4.0));
    WelchResult r = Welch.test(c, t, 0.05);
    assertThat(r.df()).isGreaterThan(1.9e6);
    assertThat(r.pValue()).isCloseTo(Dist.normalTwoSided(r.tStat()), within(1e-6));
  }

  @Test
  void test_tinyAlphaGivesFiniteWideIntervals() {
    WelchResult r = Welch.test(C1, T1, 1e-20);
    assertThat(r.ciLower()).isNotNull().isFinite();
    // t_{df, 1 − 5e-21} with df = 12.5994 is 121.687 (scipy): the interval is diff ± 121.687·se.
    assertThat(r.ciUpper() - r.diff()).isCloseTo(121.68723586060507 * r.se(), within(1e-6));
  }

  @Test
  void test_invalidInputNamesTheField() {
    assertThatThrownBy(() -> Welch.test(new double[] {1, Double.NaN}, T1, 0.05))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control[1]");
    assertThatThrownBy(() -> Welch.test(C1, new double[] {Double.POSITIVE_INFINITY}, 0.05))
        .hasMessageContaining("treatment[0]");
    assertThatThrownBy(() -> Welch.test(C1, T1, 1.0)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> Welch.test(C1, T1, Double.NaN)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> new MeanSums(-1, 0, 0)).hasMessageContaining("n");
    assertThatThrownBy(() -> Welch.test(new double[] {1e300, -1e300}, T1, 0.05))
        .hasMessageContaining("overflows");
  }

  @Property(tries = 200)
  void test_pValueInUnitIntervalAndCiContainsDiff(
      @ForAll @Size(min = 2, max = 30) List<@DoubleRange(min = -100, max = 100) Double> control,
      @ForAll @Size(min = 2, max = 30) List<@DoubleRange(min = -100, max = 100) Double> treatment,
      @ForAll @DoubleRange(min = 0.001, max = 0.5) @Scale(4) double alpha) {
    WelchResult r = Welch.test(array(control), array(treatment), alpha);
    assertThat(r.pValue()).isBetween(0.0, 1.0);
    if (r.status() == Status.OK) {
      assertThat(r.ciLower()).isLessThanOrEqualTo(r.diff());
      assertThat(r.ciUpper()).isGreaterThanOrEqualTo(r.diff());
      // The CI excludes 0 exactly when p < alpha (up to rounding at the edge).
      boolean excludesZero = r.ciLower() > 0 || r.ciUpper() < 0;
      if (Math.abs(r.pValue() - alpha) > 1e-9) {
        assertThat(excludesZero).isEqualTo(r.pValue() < alpha);
      }
      if (r.lift() != null) {
        assertThat(r.liftCiLower()).isLessThanOrEqualTo(r.lift());
        assertThat(r.liftCiUpper()).isGreaterThanOrEqualTo(r.lift());
      }
    }
  }

  @Property(tries = 200)
  void test_swappingArmsFlipsSignsAndKeepsP(
      @ForAll @Size(min = 2, max = 30) List<@DoubleRange(min = -100, max = 100) Double> control,
      @ForAll @Size(min = 2, max = 30) List<@DoubleRange(min = -100, max = 100) Double> treatment) {
    WelchResult ab = Welch.test(array(control), array(treatment), 0.05);
    WelchResult ba = Welch.test(array(treatment), array(control), 0.05);
    assertThat(ba.status()).isEqualTo(ab.status());
    assertThat(ba.pValue()).isCloseTo(ab.pValue(), within(1e-12));
    assertThat(ba.diff()).isCloseTo(-ab.diff(), within(1e-12));
    assertThat(ba.tStat()).isCloseTo(-ab.tStat(), within(1e-9 * (1 + Math.abs(ab.tStat()))));
    if (ab.status() == Status.OK) {
      assertThat(ba.se()).isCloseTo(ab.se(), within(1e-12));
      assertThat(ba.ciLower()).isCloseTo(-ab.ciUpper(), within(1e-9));
      assertThat(ba.ciUpper()).isCloseTo(-ab.ciLower(), within(1e-9));
    }
  }

  @Property(tries = 200)
  void test_sumsAndRawValuesAgree(
      @ForAll @Size(min = 2, max = 50) List<@DoubleRange(min = -50, max = 150) Double> control,
      @ForAll @Size(min = 2, max = 50) List<@DoubleRange(min = -50, max = 150) Double> treatment) {
    double[] c = array(control);
    double[] t = array(treatment);
    WelchResult raw = Welch.test(c, t, 0.05);
    if (raw.status() != Status.OK || raw.se() < 1e-6) {
      return; // constant data: only the raw path can see exact zeros
    }
    assertClose(Welch.test(MeanSums.of(c), MeanSums.of(t), 0.05), raw, 1e-7);
  }

  static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void assertClose(WelchResult actual, WelchResult expected, double rel) {
    assertThat(actual.status()).isEqualTo(expected.status());
    assertThat(actual.diff())
        .isCloseTo(expected.diff(), within(rel * (1 + Math.abs(expected.diff()))));
    assertThat(actual.se()).isCloseTo(expected.se(), within(rel * expected.se()));
    assertThat(actual.df()).isCloseTo(expected.df(), within(rel * expected.df()));
    assertThat(actual.pValue())
        .isCloseTo(expected.pValue(), within(rel * expected.pValue() + 1e-300));
    assertThat(actual.ciLower()).isCloseTo(expected.ciLower(), within(rel * (1 + expected.se())));
    assertThat(actual.ciUpper()).isCloseTo(expected.ciUpper(), within(rel * (1 + expected.se())));
  }
}
