/**
 * The scenarios as JMH base classes: {@link dev.ff.jmh.scenarios.S1SimpleBench}, {@link
 * dev.ff.jmh.scenarios.S2ComplexBench} and {@link dev.ff.jmh.scenarios.S3ManyUsersBench} hold the
 * {@code @Benchmark} methods; each peer adds one subclass per scenario that only says which peer to
 * start. Every benchmark runs in its own forked JVM with a 4 GiB heap, builds its client and
 * contexts in trial setup, checks the peer with {@link dev.ff.jmh.harness.Sanity} before warm-up,
 * and measures only the peer's evaluation call.
 */
package dev.ff.jmh.scenarios;
