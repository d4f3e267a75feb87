/**
 * The measuring harness shared by every peer: the neutral {@link dev.ff.jmh.harness.User}, the
 * fixed-seed {@link dev.ff.jmh.harness.Population}, the scenario definitions ({@link
 * dev.ff.jmh.harness.Scenarios}), a plain-Java {@link dev.ff.jmh.harness.Reference} of the rules,
 * the {@link dev.ff.jmh.harness.Sanity} check that runs before anything is measured, and the {@link
 * dev.ff.jmh.harness.Peer} interface each measured SDK implements.
 */
package dev.ff.jmh.harness;
