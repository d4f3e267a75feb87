/**
 * Benchmarks of the statistics engine ({@code dev.ff.core.stats}): Welch's test from sufficient
 * statistics, the two-proportion test, and Lan–DeMets Pocock-type boundaries for ten looks. They
 * are not part of the peer comparison.
 */
package dev.ff.jmh.stats;
