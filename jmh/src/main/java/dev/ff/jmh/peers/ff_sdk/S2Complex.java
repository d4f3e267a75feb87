package dev.ff.jmh.peers.ff_sdk;

import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.scenarios.S2ComplexBench;
import dev.ff.sdk.Context;

/** ff-sdk on the S2 scenario; the benchmark methods come from {@link S2ComplexBench}. */
public class S2Complex extends S2ComplexBench<Context> {
  @Override
  protected Peer<Context> createPeer() {
    return new FfSdkPeer();
  }
}
