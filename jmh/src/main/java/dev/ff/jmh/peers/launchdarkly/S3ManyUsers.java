package dev.ff.jmh.peers.launchdarkly;

import com.launchdarkly.sdk.LDContext;
import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.scenarios.S3ManyUsersBench;

/** LaunchDarkly on the S3 scenario; the benchmark methods come from {@link S3ManyUsersBench}. */
public class S3ManyUsers extends S3ManyUsersBench<LDContext> {
  @Override
  protected Peer<LDContext> createPeer() {
    return new LaunchDarklyPeer();
  }
}
