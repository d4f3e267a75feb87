package dev.ff.jmh.peers.flagd;

import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.scenarios.S2ComplexBench;
import dev.openfeature.sdk.EvaluationContext;

/**
 * OpenFeature + flagd on the S2 scenario; the benchmark methods come from {@link S2ComplexBench}.
 */
public class S2Complex extends S2ComplexBench<EvaluationContext> {
  @Override
  protected Peer<EvaluationContext> createPeer() {
    return new FlagdPeer();
  }
}
