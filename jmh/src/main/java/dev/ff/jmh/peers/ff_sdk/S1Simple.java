package dev.ff.jmh.peers.ff_sdk;

import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.scenarios.S1SimpleBench;
import dev.ff.sdk.Context;

/** ff-sdk on the S1 scenario; the benchmark methods come from {@link S1SimpleBench}. */
public class S1Simple extends S1SimpleBench<Context> {
  @Override
  protected Peer<Context> createPeer() {
    return new FfSdkPeer();
  }
}
