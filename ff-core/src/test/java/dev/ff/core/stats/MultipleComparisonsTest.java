package dev.ff.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ff.core.stats.MultipleComparisons.Correction;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MultipleComparisonsTest {

  @Test
  void adjust_workedExampleNineByHand() {
    // Sorted: 0.01, 0.03, 0.04 (m = 3).
    // Holm: 3·0.01 = 0.03, max(0.03, 2·0.03) = 0.06, max(0.06, 1·0.04) = 0.06.
    // BH: min over j ≥ i of 3·p_(j)/j: 0.03, min(0.045, 0.04) = 0.04, 0.04.
    AdjustedPValues a = MultipleComparisons.adjust(new double[] {0.01, 0.04, 0.03});
    assertThat(a.holm()).containsExactly(0.03, 0.06, 0.06);
    assertThat(a.bonferroni().get(0)).isCloseTo(0.03, within(1e-17));
    assertThat(a.bonferroni().get(1)).isCloseTo(0.12, within(1e-17));
    assertThat(a.bonferroni().get(2)).isCloseTo(0.09, within(1e-17));
    assertThat(a.benjaminiHochberg().get(0)).isCloseTo(0.03, within(1e-17));
    assertThat(a.benjaminiHochberg().get(1)).isCloseTo(0.04, within(1e-17));
    assertThat(a.benjaminiHochberg().get(2)).isCloseTo(0.04, within(1e-17));
  }

  @Test
  void adjust_noneAndEmptyFamilies() {
    double[] p = {0.2, 0.01};
    assertThat(MultipleComparisons.adjust(p, Correction.NONE)).containsExactly(0.2, 0.01);
    AdjustedPValues empty = MultipleComparisons.adjust(new double[0]);
    assertThat(empty.holm()).isEmpty();
    assertThat(MultipleComparisons.adjust(new double[] {0.037}).holm()).containsExactly(0.037);
  }

  @Property(tries = 300)
  void adjust_boundsAndOrderings(
      @ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = 0, max = 1) Double> values) {
    double[] p = values.stream().mapToDouble(Double::doubleValue).toArray();
    AdjustedPValues a = MultipleComparisons.adjust(p);
    for (int i = 0; i < p.length; i++) {
      double holm = a.holm().get(i);
      double bonf = a.bonferroni().get(i);
      double bh = a.benjaminiHochberg().get(i);
      assertThat(holm).isBetween(p[i], 1.0);
      assertThat(bonf).isBetween(p[i], 1.0);
      assertThat(bh).isBetween(p[i], 1.0);
      assertThat(holm).isLessThanOrEqualTo(bonf);
      assertThat(bh).isLessThanOrEqualTo(holm);
      for (int j = 0; j < p.length; j++) {
        if (p[i] <= p[j]) {
          assertThat(holm).isLessThanOrEqualTo(a.holm().get(j));
          assertThat(bh).isLessThanOrEqualTo(a.benjaminiHochberg().get(j));
        }
      }
    }
  }

  @Test
  void intervalAlpha_isAlphaOverMUnderACorrection() {
    assertThat(MultipleComparisons.intervalAlpha(0.05, 4, Correction.HOLM)).isEqualTo(0.0125);
    assertThat(MultipleComparisons.intervalAlpha(0.05, 4, Correction.NONE)).isEqualTo(0.05);
    assertThatThrownBy(() -> MultipleComparisons.intervalAlpha(0.05, 0, Correction.HOLM))
        .hasMessageContaining("comparisons");
  }

  @Test
  void adjust_rejectsPValuesOutsideTheUnitInterval() {
    assertThatThrownBy(() -> MultipleComparisons.adjust(new double[] {0.2, 1.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pValues[1]");
    assertThatThrownBy(() -> MultipleComparisons.adjust(new double[] {Double.NaN}))
        .hasMessageContaining("pValues[0]");
  }
}
