package dev.ff.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MomentsTest {

  @Test
  void of_constantSampleHasZeroSpreadExactly() {
    Moments m = Moments.of(new double[] {0.1, 0.1, 0.1});
    assertThat(m.mean()).isEqualTo(0.1);
    assertThat(m.m2()).isZero();
    assertThat(m.variance()).isZero();
  }

  @Test
  void of_emptyAndSingleSamplesHaveNoVariance() {
    assertThat(Moments.of(new double[0]).mean()).isNaN();
    assertThat(Moments.of(new double[] {3}).variance()).isNaN();
  }

  @Test
  void ofSums_compensatesTheRoundedSquareOfTheSum() {
    // Values 2^26 − 1 and 2^26: Σx = 2^27 − 1 and Σx² = 2^53 − 2^27 + 1 are exact doubles, but
    // (Σx)² = 2^54 − 2^28 + 1 is not. The true centred sum is 1/2; the naive form gives 1.
    double a = Math.pow(2, 26) - 1;
    double b = Math.pow(2, 26);
    double sum = a + b;
    double sumSq = a * a + b * b;
    assertThat(sumSq - sum * sum / 2).isEqualTo(1.0);
    assertThat(Moments.ofSums(2, sum, sumSq).m2()).isEqualTo(0.5);
  }

  @Property(tries = 300)
  void ofSums_agreesWithTwoPasses(
      @ForAll @Size(min = 2, max = 40) List<@DoubleRange(min = -1e3, max = 1e3) Double> values) {
    double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
    Moments twoPass = Moments.of(x);
    MeanSums sums = MeanSums.of(x);
    Moments fromSums = Moments.ofSums(sums.n(), sums.sum(), sums.sumOfSquares());
    assertThat(fromSums.mean())
        .isCloseTo(twoPass.mean(), within(1e-12 * (1 + Math.abs(twoPass.mean()))));
    // Σx² carries rounding of order 1e-16·Σx²; nothing can recover more than that.
    assertThat(fromSums.m2()).isCloseTo(twoPass.m2(), within(1e-12 * (1 + sums.sumOfSquares())));
  }

  @Test
  void pooled_equalsTheMomentsOfTheConcatenatedSample() {
    double[] x1 = {1, 2, 3, 4};
    double[] y1 = {2, 1, 4, 3};
    double[] x2 = {10, 12};
    double[] y2 = {5, 9};
    CoMoments pooled = CoMoments.pooled(List.of(CoMoments.of(x1, y1), CoMoments.of(x2, y2)));
    CoMoments direct =
        CoMoments.of(new double[] {1, 2, 3, 4, 10, 12}, new double[] {2, 1, 4, 3, 5, 9});
    assertThat(pooled.n()).isEqualTo(6);
    assertThat(pooled.meanX()).isCloseTo(direct.meanX(), within(1e-12));
    assertThat(pooled.sxx()).isCloseTo(direct.sxx(), within(1e-12));
    assertThat(pooled.syy()).isCloseTo(direct.syy(), within(1e-12));
    assertThat(pooled.sxy()).isCloseTo(direct.sxy(), within(1e-12));
    // By hand: x̄ = 32/6, Σ(x − x̄)² = Σx² − 6x̄² = 274 − 1024/6.
    assertThat(direct.sxx()).isCloseTo(274 - 1024.0 / 6, within(1e-12));
  }
}
