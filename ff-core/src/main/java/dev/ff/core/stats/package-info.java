/**
 * Frequentist statistics for A/B/n experiments: Welch's t-test with absolute and relative lift
 * ({@link dev.ff.core.stats.Welch}), conversion tests ({@link dev.ff.core.stats.Proportions},
 * {@link dev.ff.core.stats.ChiSquareOmnibus}), ratio metrics by the delta method ({@link
 * dev.ff.core.stats.RatioMetric}), CUPED variance reduction ({@link dev.ff.core.stats.Cuped}),
 * sample ratio mismatch ({@link dev.ff.core.stats.SampleRatioMismatch}), sequential monitoring with
 * Lan-DeMets Pocock-type alpha spending ({@link dev.ff.core.stats.Sequential}), power and sample
 * size ({@link dev.ff.core.stats.PowerAnalysis}) and multiple-comparison corrections ({@link
 * dev.ff.core.stats.MultipleComparisons}).
 *
 * <p>Conventions shared by every test: arm 0 (or the {@code control} argument) is the control and
 * every effect is treatment minus control; {@code alpha} is the two-sided level; p-values are
 * two-sided and come from survival functions, so they keep their relative precision down to about
 * 1e-300. Every result carries a {@link dev.ff.core.stats.Status}. Results never hold NaN or
 * infinities: a quantity that is undefined is a {@code null} {@link Double}. Invalid input (NaN or
 * infinite values, negative counts, {@code alpha} outside (0, 1), ...) throws {@link
 * IllegalArgumentException} whose message names the offending field.
 *
 * <p>Each test accepts raw per-unit values (variances computed in two passes) as well as sufficient
 * statistics ({@link dev.ff.core.stats.MeanSums}, {@link dev.ff.core.stats.RatioSums}, {@link
 * dev.ff.core.stats.CupedSums}) as a warehouse would aggregate them. {@link
 * dev.ff.core.stats.StatsRequests} maps JSON requests ({@code {"kind", "inputs"}}) to these calls
 * and results back to JSON; {@code ff stats} is a thin shell over it.
 */
package dev.ff.core.stats;
