package dev.ff.jmh.peers.launchdarkly;

import com.launchdarkly.sdk.LDContext;
import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.scenarios.S2ComplexBench;

/** LaunchDarkly on the S2 scenario; the benchmark methods come from {@link S2ComplexBench}. */
public class S2Complex extends S2ComplexBench<LDContext> {
  @Override
  protected Peer<LDContext> createPeer() {
    return new LaunchDarklyPeer();
  }
}
