package dev.ff.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class PowerAnalysisTest {
  // The contract's constants z_{0.975} and z_{0.8}.
  private static final double K = 1.959963984540054 + 0.8416212335729143;

  @Test
  void sampleSize_continuousByHand() {
    SampleSizeResult r =
        PowerAnalysis.sampleSize(
            Metric.Continuous.of(null, 10), 1.0, MdeType.ABSOLUTE, Design.defaults());
    assertThat(r.nControlExact()).isCloseTo(K * K * 200, within(1e-9));
    assertThat(r.nControl()).isEqualTo(1570);
    assertThat(r.nTreatment()).isEqualTo(1570);
    assertThat(r.nTotal()).isEqualTo(3140);
  }

  @Test
  void sampleSize_binaryRelativeByHand() {
    SampleSizeResult r =
        PowerAnalysis.sampleSize(
            new Metric.Binary(0.10), 0.05, MdeType.RELATIVE, Design.defaults());
    assertThat(r.deltaAbsolute()).isCloseTo(0.005, within(1e-17));
    assertThat(r.nControlExact())
        .isCloseTo(K * K * (0.09 + 0.105 * 0.895) / (0.005 * 0.005), within(1e-6));
    assertThat(r.nControl()).isEqualTo(57760);
    assertThat(r.nTotal()).isEqualTo(115520);
  }

  @Property(tries = 200)
  void power_atTheExactSampleSizeIsTheTargetPlusTheOppositeTail(
      @ForAll @DoubleRange(min = 0.01, max = 0.2) double alpha,
      @ForAll @DoubleRange(min = 0.5, max = 0.95) double power,
      @ForAll @DoubleRange(min = 0.3, max = 3) double ratio,
      @ForAll @DoubleRange(min = 0.5, max = 20) double sd,
      @ForAll @DoubleRange(min = 0.05, max = 5) double mde) {
    Metric metric = new Metric.Continuous(null, sd, 1.3 * sd);
    SampleSizeResult n =
        PowerAnalysis.sampleSize(metric, mde, MdeType.ABSOLUTE, new Design(alpha, power, ratio));
    PowerResult p =
        PowerAnalysis.power(metric, mde, n.nControlExact(), ratio * n.nControlExact(), alpha);
    double z = Dist.normalQuantile(1 - alpha / 2);
    double lambda = mde / p.se();
    assertThat(p.power()).isCloseTo(power + Dist.normalCdf(-lambda - z), within(1e-9));
    // Rounded-up sizes never fall short of the target.
    PowerResult rounded = PowerAnalysis.power(metric, mde, n.nControl(), n.nTreatment(), alpha);
    assertThat(rounded.power()).isGreaterThanOrEqualTo(power - 1e-12);
    // The MDE at those sizes is the effect we started from.
    MdeResult m =
        PowerAnalysis.mde(metric, n.nControlExact(), ratio * n.nControlExact(), alpha, power);
    assertThat(m.mdeAbsolute()).isCloseTo(mde, within(1e-9 * mde));
    assertThat(m.mdeRelative()).isNull();
  }

  @Property(tries = 200)
  void mde_binaryRootSolvesTheSampleSizeEquation(
      @ForAll @DoubleRange(min = 0.01, max = 0.9) double p,
      @ForAll @DoubleRange(min = 500, max = 1e6) double nC,
      @ForAll @DoubleRange(min = 500, max = 1e6) double nT) {
    MdeResult m = PowerAnalysis.mde(new Metric.Binary(p), nC, nT, 0.05, 0.8);
    double d = m.mdeAbsolute();
    assertThat(d).isPositive();
    assertThat(K * Math.sqrt(p * (1 - p) / nC + (p + d) * (1 - p - d) / nT))
        .isCloseTo(d, within(1e-12));
    assertThat(m.mdeRelative()).isCloseTo(d / p, within(1e-15));
  }

  @Test
  void power_binaryWorkedExampleByHand() {
    PowerResult r = PowerAnalysis.power(new Metric.Binary(0.10), 0.006, 20000, 20000, 0.05);
    double se = Math.sqrt(0.09 / 20000 + 0.106 * 0.894 / 20000);
    assertThat(r.se()).isCloseTo(se, within(1e-17));
    double z = 1.959963984540054;
    assertThat(r.power())
        .isCloseTo(Dist.normalCdf(0.006 / se - z) + Dist.normalCdf(-0.006 / se - z), within(1e-15));
    assertThat(r.power()).isCloseTo(0.505660, within(5e-7));
  }

  @Test
  void invalidInputNamesTheField() {
    assertThatThrownBy(() -> new Design(0.05, 1.0, 1)).hasMessageContaining("power");
    assertThatThrownBy(() -> new Design(0.05, 0.8, 0)).hasMessageContaining("ratio");
    assertThatThrownBy(() -> new Design(0, 0.8, 1)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> new Metric.Binary(1.0)).hasMessageContaining("baseline");
    assertThatThrownBy(() -> Metric.Continuous.of(5.0, 0)).hasMessageContaining("sdControl");
    assertThatThrownBy(
            () ->
                PowerAnalysis.sampleSize(
                    new Metric.Binary(0.1), 0, MdeType.ABSOLUTE, Design.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mde");
    assertThatThrownBy(
            () ->
                PowerAnalysis.sampleSize(
                    new Metric.Binary(0.95), 0.1, MdeType.ABSOLUTE, Design.defaults()))
        .hasMessageContaining("mde");
    assertThatThrownBy(
            () ->
                PowerAnalysis.sampleSize(
                    Metric.Continuous.of(null, 3), 0.1, MdeType.RELATIVE, Design.defaults()))
        .hasMessageContaining("baseline");
    assertThatThrownBy(() -> PowerAnalysis.power(new Metric.Binary(0.1), 0, 10, 10, 0.05))
        .hasMessageContaining("delta");
    assertThatThrownBy(() -> PowerAnalysis.power(new Metric.Binary(0.1), 0.95, 10, 10, 0.05))
        .hasMessageContaining("delta");
    assertThatThrownBy(() -> PowerAnalysis.mde(new Metric.Binary(0.1), 0, 10, 0.05, 0.8))
        .hasMessageContaining("nControl");
  }
}
