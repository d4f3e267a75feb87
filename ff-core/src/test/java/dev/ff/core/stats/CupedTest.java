package dev.ff.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CupedTest {
  private static final CupedSample CONTROL =
      new CupedSample(new double[] {1, 2, 3, 4, 5, 6}, new double[] {1.5, 2.0, 3.5, 3.8, 5.1, 6.4});
  private static final CupedSample TREATMENT =
      new CupedSample(
          new double[] {1.5, 2.5, 3, 4.5, 5.5, 6.5}, new double[] {2.4, 3.1, 3.9, 5.2, 6.3, 7.4});

  @Test
  void analyze_workedExampleFive() {
    CupedResult r = Cuped.analyze(List.of(CONTROL, TREATMENT), 0.05);
    assertThat(r.cupedApplied()).isTrue();
    // Pooled X̄ = 44.5/12 by hand; the worked example in
    // docs/statistics.md gives θ and ρ to six digits.
    assertThat(r.preMeanPooled()).isCloseTo(44.5 / 12, within(1e-15));
    assertThat(r.theta()).isCloseTo(1.01185, within(5e-6));
    assertThat(r.correlationPooled()).isCloseTo(0.980068, within(5e-7));
    CupedResult.ArmComparison c = r.comparisons().get(0);
    assertThat(c.treatmentArm()).isEqualTo(1);
    assertThat(c.diff()).isCloseTo(0.578398, within(5e-7));
    assertThat(c.varianceReduction()).isCloseTo(0.985387, within(5e-7));
    // The adjusted diff is the difference of the adjusted means.
    assertThat(c.diff())
        .isCloseTo(r.arms().get(1).adjMean() - r.arms().get(0).adjMean(), within(1e-14));
    assertThat(c.unadjustedDiff()).isCloseTo(1.0, within(1e-14));
  }

  @Test
  void analyzeSums_agreesWithRawValuesOnTheWorkedExample() {
    CupedResult raw = Cuped.analyze(List.of(CONTROL, TREATMENT), 0.05);
    CupedResult sums =
        Cuped.analyzeSums(List.of(CupedSums.of(CONTROL), CupedSums.of(TREATMENT)), 0.05);
    assertAgree(sums, raw, 1e-9);
  }

  @Test
  void analyze_zeroCovariateEqualsWelchOnTheOutcome() {
    CupedSample c = new CupedSample(new double[6], CONTROL.post());
    CupedSample t = new CupedSample(new double[6], TREATMENT.post());
    CupedResult r = Cuped.analyze(List.of(c, t), 0.05);
    WelchResult w = Welch.test(CONTROL.post(), TREATMENT.post(), 0.05);
    assertThat(r.theta()).isZero();
    assertThat(r.cupedApplied()).isFalse();
    assertThat(r.correlationPooled()).isNull();
    CupedResult.ArmComparison cmp = r.comparisons().get(0);
    assertThat(cmp.varianceReduction()).isZero();
    assertThat(cmp.diff()).isEqualTo(w.diff());
    assertThat(cmp.se()).isEqualTo(w.se());
    assertThat(cmp.pValue()).isEqualTo(w.pValue());
    assertThat(cmp.ciLower()).isEqualTo(w.ciLower());
    assertThat(cmp.unadjustedPValue()).isEqualTo(w.pValue());
  }

  @Test
  void analyze_armWithOneUnitGivesInsufficientDataForItsComparisonOnly() {
    CupedSample lonely = new CupedSample(new double[] {2}, new double[] {3});
    CupedResult r = Cuped.analyze(List.of(CONTROL, lonely, TREATMENT), 0.05);
    assertThat(r.arms().get(1).varPost()).isNull();
    assertThat(r.arms().get(1).adjVar()).isNull();
    assertThat(r.comparisons().get(0).status()).isEqualTo(Status.INSUFFICIENT_DATA);
    assertThat(r.comparisons().get(0).varianceReduction()).isNull();
    assertThat(r.comparisons().get(1).status()).isEqualTo(Status.OK);
    assertThat(r.comparisons().get(1).treatmentArm()).isEqualTo(2);
  }

  @Property(tries = 15)
  void analyze_independentCovariateChangesAlmostNothing(@ForAll long seed) {
    Random rnd = new Random(seed);
    int n = 5000;
    List<CupedSample> arms = new ArrayList<>();
    for (int arm = 0; arm < 2; arm++) {
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = 10 + 3 * rnd.nextGaussian();
        y[i] = 20 + arm * 0.2 + 5 * rnd.nextGaussian();
      }
      arms.add(new CupedSample(x, y));
    }
    CupedResult r = Cuped.analyze(arms, 0.05);
    // θ = S_xy/S_xx has standard error σ_y/(σ_x·√N) = 5/(3·100) ≈ 0.017; allow 6 of them.
    assertThat(Math.abs(r.theta())).isLessThan(0.1);
    // The variance reduction is about ρ², of order 1/N.
    CupedResult.ArmComparison c = r.comparisons().get(0);
    assertThat(Math.abs(c.varianceReduction())).isLessThan(0.01);
    assertThat(c.diff()).isCloseTo(c.unadjustedDiff(), within(0.05));
  }

  @Property(tries = 60)
  void analyzeSums_agreesWithRawValuesOnRandomData(
      @ForAll @IntRange(min = 1, max = 4) int treatments,
      @ForAll @IntRange(min = 2, max = 60) int n,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    List<CupedSample> arms = new ArrayList<>();
    List<CupedSums> sums = new ArrayList<>();
    for (int arm = 0; arm <= treatments; arm++) {
      double[] x = new double[n + arm];
      double[] y = new double[n + arm];
      for (int i = 0; i < x.length; i++) {
        x[i] = rnd.nextInt(3) == 0 ? 0 : 5 + 2 * rnd.nextGaussian();
        y[i] = 0.8 * x[i] + arm * 0.3 + rnd.nextGaussian();
      }
      CupedSample s = new CupedSample(x, y);
      arms.add(s);
      sums.add(CupedSums.of(s));
    }
    CupedResult raw = Cuped.analyze(arms, 0.05);
    assertAgree(Cuped.analyzeSums(sums, 0.05), raw, 1e-7);
    for (CupedResult.ArmComparison c : raw.comparisons()) {
      assertThat(c.pValue()).isBetween(0.0, 1.0);
      assertThat(c.ciLower()).isLessThanOrEqualTo(c.diff());
      assertThat(c.ciUpper()).isGreaterThanOrEqualTo(c.diff());
    }
  }

  private static void assertAgree(CupedResult actual, CupedResult expected, double tol) {
    assertThat(actual.cupedApplied()).isEqualTo(expected.cupedApplied());
    assertThat(actual.theta()).isCloseTo(expected.theta(), within(tol));
    assertThat(actual.preMeanPooled()).isCloseTo(expected.preMeanPooled(), within(tol));
    assertThat(actual.correlationPooled()).isCloseTo(expected.correlationPooled(), within(tol));
    for (int j = 0; j < expected.arms().size(); j++) {
      CupedResult.Arm a = actual.arms().get(j);
      CupedResult.Arm e = expected.arms().get(j);
      assertThat(a.n()).isEqualTo(e.n());
      assertThat(a.adjMean()).isCloseTo(e.adjMean(), within(tol * (1 + Math.abs(e.adjMean()))));
      assertThat(a.adjVar()).isCloseTo(e.adjVar(), within(tol * (1 + e.adjVar())));
      assertThat(a.varPost()).isCloseTo(e.varPost(), within(tol * (1 + e.varPost())));
    }
    for (int j = 0; j < expected.comparisons().size(); j++) {
      CupedResult.ArmComparison a = actual.comparisons().get(j);
      CupedResult.ArmComparison e = expected.comparisons().get(j);
      assertThat(a.status()).isEqualTo(e.status());
      assertThat(a.diff()).isCloseTo(e.diff(), within(tol * (1 + Math.abs(e.diff()))));
      assertThat(a.se()).isCloseTo(e.se(), within(tol * e.se()));
      assertThat(a.pValue()).isCloseTo(e.pValue(), within(tol));
      assertThat(a.varianceReduction()).isCloseTo(e.varianceReduction(), within(tol));
    }
  }

  @Test
  void analyze_invalidInputNamesTheField() {
    assertThatThrownBy(() -> new CupedSample(new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("post");
    assertThatThrownBy(() -> Cuped.analyze(List.of(), 0.05)).hasMessageContaining("arms");
    CupedSample bad = new CupedSample(new double[] {1, Double.NaN}, new double[] {1, 2});
    assertThatThrownBy(() -> Cuped.analyze(List.of(CONTROL, bad), 0.05))
        .hasMessageContaining("arms[1].pre[1]");
  }

  @Test
  void cupedSample_equalsByContent() {
    CupedSample a = new CupedSample(new double[] {1}, new double[] {2});
    CupedSample b = new CupedSample(new double[] {1}, new double[] {2});
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toString()).contains("[1.0]", "[2.0]");
  }
}
