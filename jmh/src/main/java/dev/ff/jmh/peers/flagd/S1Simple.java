package dev.ff.jmh.peers.flagd;

import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.scenarios.S1SimpleBench;
import dev.openfeature.sdk.EvaluationContext;

/**
 * OpenFeature + flagd on the S1 scenario; the benchmark methods come from {@link S1SimpleBench}.
 */
public class S1Simple extends S1SimpleBench<EvaluationContext> {
  @Override
  protected Peer<EvaluationContext> createPeer() {
    return new FlagdPeer();
  }
}
