package dev.ff.jmh.peers.unleash_inline;

import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.peers.unleash.UnleashPeer;
import dev.ff.jmh.scenarios.S2ComplexBench;
import io.getunleash.UnleashContext;

/**
 * Unleash with its per-evaluation events dispatched on the calling thread (a diagnostic variant,
 * not the SDK's default) on the S2 scenario.
 *
 * <p>The benchmark methods come from {@link S2ComplexBench}.
 */
public class S2Complex extends S2ComplexBench<UnleashContext> {
  @Override
  protected Peer<UnleashContext> createPeer() {
    return new UnleashPeer(true);
  }
}
