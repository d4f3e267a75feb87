package dev.ff.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class ProportionsTest {

  /** Pearson's chi-square on the 2×2 table, straight from Σ(O − E)²/E. */
  private static double pearson(long nC, long cC, long nT, long cT) {
    double[][] o = {{cC, nC - cC}, {cT, nT - cT}};
    double n = nC + nT;
    double[] rows = {nC, nT};
    double[] cols = {cC + cT, n - cC - cT};
    double chi2 = 0;
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        double e = rows[i] * cols[j] / n;
        chi2 += (o[i][j] - e) * (o[i][j] - e) / e;
      }
    }
    return chi2;
  }

  @Test
  void test_workedExampleTwo() {
    ProportionsResult r = Proportions.test(1000, 100, 1000, 125, 0.05);
    assertThat(r.status()).isEqualTo(Status.OK);
    // Hand calculation: p̄ = 0.1125, sePooled = √(0.1125·0.8875·0.002).
    assertThat(r.sePooled()).isCloseTo(Math.sqrt(0.1125 * 0.8875 * 0.002), within(1e-16));
    assertThat(r.seUnpooled())
        .isCloseTo(Math.sqrt(0.09 / 1000 + 0.125 * 0.875 / 1000), within(1e-16));
    assertThat(r.lift()).isCloseTo(0.25, within(1e-14));
    // The worked example in docs/statistics.md, six significant digits.
    assertThat(r.pValue()).isCloseTo(0.0768689, within(5e-8));
    assertThat(r.chi2Yates()).isCloseTo(2.88451, within(5e-6));
  }

  @Property(tries = 300)
  void test_chiSquareIsPearsonAndPValueIsItsSurvival(
      @ForAll @IntRange(min = 1, max = 5000) int nC,
      @ForAll @DoubleRange(min = 0, max = 1) double rateC,
      @ForAll @IntRange(min = 1, max = 5000) int nT,
      @ForAll @DoubleRange(min = 0, max = 1) double rateT) {
    long cC = Math.round(rateC * nC);
    long cT = Math.round(rateT * nT);
    ProportionsResult r = Proportions.test(nC, cC, nT, cT, 0.05);
    assertThat(r.pValue()).isBetween(0.0, 1.0);
    assertThat(r.pValueYates()).isBetween(0.0, 1.0);
    if (r.status() != Status.OK) {
      return;
    }
    double chi2 = pearson(nC, cC, nT, cT);
    assertThat(r.chi2()).isCloseTo(chi2, within(1e-9 * (1 + chi2)));
    assertThat(r.chi2Yates()).isLessThanOrEqualTo(r.chi2() + 1e-12);
    double q1 = Gamma.regularizedGammaQ(0.5, r.chi2() / 2);
    assertThat(r.pValue()).isCloseTo(q1, within(1e-9 * q1 + 1e-300));
    assertThat(r.ciLower()).isLessThanOrEqualTo(r.diff());
    assertThat(r.ciUpper()).isGreaterThanOrEqualTo(r.diff());
    if (r.lift() != null) {
      assertThat(r.liftCiLower()).isLessThanOrEqualTo(r.lift());
      assertThat(r.liftCiUpper()).isGreaterThanOrEqualTo(r.lift());
    }
  }

  @Property(tries = 200)
  void test_swappingArmsFlipsSignsAndKeepsP(
      @ForAll @IntRange(min = 1, max = 3000) int nC,
      @ForAll @DoubleRange(min = 0, max = 1) double rateC,
      @ForAll @IntRange(min = 1, max = 3000) int nT,
      @ForAll @DoubleRange(min = 0, max = 1) double rateT) {
    long cC = Math.round(rateC * nC);
    long cT = Math.round(rateT * nT);
    ProportionsResult ab = Proportions.test(nC, cC, nT, cT, 0.05);
    ProportionsResult ba = Proportions.test(nT, cT, nC, cC, 0.05);
    assertThat(ba.status()).isEqualTo(ab.status());
    assertThat(ba.pValue()).isCloseTo(ab.pValue(), within(1e-12 * ab.pValue() + 1e-300));
    assertThat(ba.diff()).isCloseTo(-ab.diff(), within(1e-15));
    assertThat(ba.zStat()).isCloseTo(-ab.zStat(), within(1e-12 * (1 + Math.abs(ab.zStat()))));
    if (ab.status() == Status.OK) {
      assertThat(ba.ciLower()).isCloseTo(-ab.ciUpper(), within(1e-12));
      assertThat(ba.ciUpper()).isCloseTo(-ab.ciLower(), within(1e-12));
    }
  }

  @Test
  void test_statusRules() {
    ProportionsResult none = Proportions.test(200, 0, 180, 0, 0.05);
    assertThat(none.status()).isEqualTo(Status.ZERO_VARIANCE);
    assertThat(none.lift()).isNull();
    assertThat(none.sePooled()).isZero();
    ProportionsResult all = Proportions.test(30, 30, 40, 40, 0.05);
    assertThat(all.status()).isEqualTo(Status.ZERO_VARIANCE);
    assertThat(all.lift()).isZero();
    assertThat(all.ciLower()).isNull();
    ProportionsResult empty = Proportions.test(0, 0, 250, 12, 0.05);
    assertThat(empty.status()).isEqualTo(Status.EMPTY_VARIATION);
    assertThat(empty.rateControl()).isNull();
    assertThat(empty.rateTreatment()).isEqualTo(0.048);
    assertThat(empty.diff()).isNull();
    assertThat(empty.pValueYates()).isEqualTo(1.0);
    ProportionsResult zeroControl = Proportions.test(100, 0, 100, 5, 0.05);
    assertThat(zeroControl.status()).isEqualTo(Status.OK);
    assertThat(zeroControl.lift()).isNull();
    assertThat(zeroControl.ciLower()).isNotNull();
    ProportionsResult degenerate = Proportions.test(50, 0, 50, 50, 0.05);
    assertThat(degenerate.status()).isEqualTo(Status.OK);
    assertThat(degenerate.seUnpooled()).isZero();
    assertThat(degenerate.ciLower()).isEqualTo(1.0);
    assertThat(degenerate.ciUpper()).isEqualTo(1.0);
  }

  @Test
  void test_tinyAlphaUsesTheTailQuantile() {
    ProportionsResult r = Proportions.test(1000, 100, 1000, 125, 1e-20);
    // z_{1 − 5e-21} = 9.3494... lies between z_{1−1e-20} = 9.2623 (mpmath) and 9.5.
    double half = (r.ciUpper() - r.ciLower()) / 2 / r.seUnpooled();
    assertThat(half).isBetween(9.2623400897984075737, 9.5);
    assertThat(r.liftCiLower()).isFinite();
  }

  @Test
  void test_invalidInputNamesTheField() {
    assertThatThrownBy(() -> Proportions.test(-1, 0, 10, 1, 0.05))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nControl");
    assertThatThrownBy(() -> Proportions.test(10, 11, 10, 1, 0.05))
        .hasMessageContaining("convControl");
    assertThatThrownBy(() -> Proportions.test(10, 1, 10, 11, 0.05))
        .hasMessageContaining("convTreatment");
    assertThatThrownBy(() -> Proportions.test(10, 1, 10, 1, 0)).hasMessageContaining("alpha");
  }
}
