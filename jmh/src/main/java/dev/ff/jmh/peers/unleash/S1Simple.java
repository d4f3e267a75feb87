package dev.ff.jmh.peers.unleash;

import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.scenarios.S1SimpleBench;
import io.getunleash.UnleashContext;

/** Unleash on the S1 scenario; the benchmark methods come from {@link S1SimpleBench}. */
public class S1Simple extends S1SimpleBench<UnleashContext> {
  @Override
  protected Peer<UnleashContext> createPeer() {
    return new UnleashPeer();
  }
}
