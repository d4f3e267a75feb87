package dev.ff.jmh.peers.unleash;

import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.scenarios.S2ComplexBench;
import io.getunleash.UnleashContext;

/** Unleash on the S2 scenario; the benchmark methods come from {@link S2ComplexBench}. */
public class S2Complex extends S2ComplexBench<UnleashContext> {
  @Override
  protected Peer<UnleashContext> createPeer() {
    return new UnleashPeer();
  }
}
