package dev.ff.jmh.stats;

import dev.ff.core.stats.MeanSums;
import dev.ff.core.stats.Proportions;
import dev.ff.core.stats.ProportionsResult;
import dev.ff.core.stats.Sequential;
import dev.ff.core.stats.SpendingBoundaries;
import dev.ff.core.stats.Welch;
import dev.ff.core.stats.WelchResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The statistics engine on the work an experiment results page does per metric and comparison: a
 * Welch test from warehouse sums (one million units per arm), a two-proportion test, and the
 * spending boundaries of ten equally spaced looks (the recursion with 2000 Simpson intervals per
 * look; the statistics contract asks for under 50 ms).
 *
 * <pre>
 * java -jar jmh/target/benchmarks.jar 'stats\.StatsBench'
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StatsBench {
  private MeanSums control;
  private MeanSums treatment;
  private long units;
  private long conversionsControl;
  private long conversionsTreatment;
  private double[] tenLooks;

  /** Builds the inputs once: sums for one million units per arm, ten equally spaced looks. */
  @Setup
  public void setUp() {
    long n = 1_000_000;
    control = new MeanSums(n, n * 10.0, n * (10.0 * 10.0 + 16.0));
    treatment = new MeanSums(n, n * 10.02, n * (10.02 * 10.02 + 16.5));
    units = 200_000;
    conversionsControl = 20_000;
    conversionsTreatment = 20_600;
    tenLooks = new double[10];
    for (int k = 0; k < 10; k++) {
      tenLooks[k] = (k + 1) / 10.0;
    }
  }

  /**
   * Welch's t-test from sufficient statistics.
   *
   * @return the result (returned so that the work is not eliminated)
   */
  @Benchmark
  public WelchResult welchFromSums() {
    return Welch.test(control, treatment, 0.05);
  }

  /**
   * The two-proportion z-test with Yates diagnostics, Wald interval and lift.
   *
   * @return the result
   */
  @Benchmark
  public ProportionsResult proportions() {
    return Proportions.test(units, conversionsControl, units, conversionsTreatment, 0.05);
  }

  /**
   * Lan–DeMets Pocock-type boundaries for ten equally spaced looks.
   *
   * @return the boundaries
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public SpendingBoundaries pocockBoundariesTenLooks() {
    return Sequential.boundaries(0.05, tenLooks);
  }
}
