package dev.ff.jmh.peers.unleash_inline;

import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.peers.unleash.UnleashPeer;
import dev.ff.jmh.scenarios.S3ManyUsersBench;
import io.getunleash.UnleashContext;

/**
 * Unleash with its per-evaluation events dispatched on the calling thread (a diagnostic variant,
 * not the SDK's default) on the S3 scenario.
 *
 * <p>The benchmark methods come from {@link S3ManyUsersBench}.
 */
public class S3ManyUsers extends S3ManyUsersBench<UnleashContext> {
  @Override
  protected Peer<UnleashContext> createPeer() {
    return new UnleashPeer(true);
  }
}
