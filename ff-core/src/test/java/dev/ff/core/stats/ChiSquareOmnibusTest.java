package dev.ff.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ChiSquareOmnibusTest {

  @Property(tries = 200)
  void test_twoArmsEqualThePooledZTestSquared(
      @ForAll @IntRange(min = 1, max = 5000) int nC,
      @ForAll @DoubleRange(min = 0, max = 1) double rateC,
      @ForAll @IntRange(min = 1, max = 5000) int nT,
      @ForAll @DoubleRange(min = 0, max = 1) double rateT) {
    long cC = Math.round(rateC * nC);
    long cT = Math.round(rateT * nT);
    OmnibusResult omnibus = ChiSquareOmnibus.test(new long[] {nC, nT}, new long[] {cC, cT});
    ProportionsResult z = Proportions.test(nC, cC, nT, cT, 0.05);
    assertThat(omnibus.chi2()).isCloseTo(z.chi2(), within(1e-9 * (1 + z.chi2())));
    assertThat(omnibus.pValue()).isCloseTo(z.pValue(), within(1e-9 * z.pValue() + 1e-300));
    assertThat(omnibus.pValue()).isBetween(0.0, 1.0);
  }

  @Test
  void test_workedExampleThreeByHand() {
    // p̄ = 195/3000 = 0.065; chi2 = Σ(c − 65)² / (1000·0.065·0.935) = 450 / 60.775.
    OmnibusResult r = ChiSquareOmnibus.test(new long[] {1000, 1000, 1000}, new long[] {50, 65, 80});
    assertThat(r.chi2()).isCloseTo(450 / 60.775, within(1e-12));
    assertThat(r.df()).isEqualTo(2);
    // Q_2(x) = exp(−x/2).
    assertThat(r.pValue()).isCloseTo(Math.exp(-450 / 60.775 / 2), within(1e-14));
    assertThat(r.armsUsed()).containsExactly(0, 1, 2);
  }

  @Test
  void test_emptyArmsAreDroppedAndStatusesFollowTheRules() {
    OmnibusResult dropped =
        ChiSquareOmnibus.test(new long[] {1000, 0, 1000}, new long[] {50, 0, 70});
    assertThat(dropped.armsUsed()).containsExactly(0, 2);
    assertThat(dropped.df()).isEqualTo(1);
    OmnibusResult one = ChiSquareOmnibus.test(new long[] {0, 500}, new long[] {0, 20});
    assertThat(one.status()).isEqualTo(Status.INSUFFICIENT_DATA);
    assertThat(one.df()).isNull();
    assertThat(one.pValue()).isEqualTo(1.0);
    OmnibusResult flat = ChiSquareOmnibus.test(new long[] {100, 100}, new long[] {100, 100});
    assertThat(flat.status()).isEqualTo(Status.ZERO_VARIANCE);
    assertThat(flat.df()).isEqualTo(1);
    assertThat(flat.chi2()).isZero();
  }

  @Test
  void test_invalidInputNamesTheField() {
    assertThatThrownBy(() -> ChiSquareOmnibus.test(new long[] {10, 10}, new long[] {3, 12}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("conversions[1]");
    assertThatThrownBy(() -> ChiSquareOmnibus.test(new long[] {10, -1}, new long[] {3, 0}))
        .hasMessageContaining("n[1]");
    assertThatThrownBy(() -> ChiSquareOmnibus.test(new long[] {10}, new long[] {3, 0}))
        .hasMessageContaining("conversions");
  }
}
