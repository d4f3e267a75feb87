package dev.ff.jmh.peers.unleash;

import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.scenarios.S3ManyUsersBench;
import io.getunleash.UnleashContext;

/** Unleash on the S3 scenario; the benchmark methods come from {@link S3ManyUsersBench}. */
public class S3ManyUsers extends S3ManyUsersBench<UnleashContext> {
  @Override
  protected Peer<UnleashContext> createPeer() {
    return new UnleashPeer();
  }
}
