package dev.ff.jmh.peers.launchdarkly;

import com.launchdarkly.sdk.LDContext;
import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.scenarios.S1SimpleBench;

/** LaunchDarkly on the S1 scenario; the benchmark methods come from {@link S1SimpleBench}. */
public class S1Simple extends S1SimpleBench<LDContext> {
  @Override
  protected Peer<LDContext> createPeer() {
    return new LaunchDarklyPeer();
  }
}
