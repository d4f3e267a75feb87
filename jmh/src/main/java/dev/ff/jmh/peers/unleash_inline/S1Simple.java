package dev.ff.jmh.peers.unleash_inline;

import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.peers.unleash.UnleashPeer;
import dev.ff.jmh.scenarios.S1SimpleBench;
import io.getunleash.UnleashContext;

/**
 * Unleash with its per-evaluation events dispatched on the calling thread (a diagnostic variant,
 * not the SDK's default) on the S1 scenario.
 *
 * <p>The benchmark methods come from {@link S1SimpleBench}.
 */
public class S1Simple extends S1SimpleBench<UnleashContext> {
  @Override
  protected Peer<UnleashContext> createPeer() {
    return new UnleashPeer(true);
  }
}
