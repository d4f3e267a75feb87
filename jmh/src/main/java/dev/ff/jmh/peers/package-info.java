/**
 * The measured SDKs, one sub-package each. The sub-package name is the peer's column in the report:
 * {@code ff} (this project's evaluator), {@code launchdarkly}, {@code unleash}, {@code
 * unleash_inline} (Unleash with its per-evaluation event hand-off run on the calling thread) and
 * {@code flagd} (OpenFeature with the flagd provider in-process). Each holds a {@link
 * dev.ff.jmh.harness.Peer} implementation and three benchmark classes named {@code S1Simple},
 * {@code S2Complex} and {@code S3ManyUsers}; the report takes the class name as the scenario.
 */
package dev.ff.jmh.peers;
