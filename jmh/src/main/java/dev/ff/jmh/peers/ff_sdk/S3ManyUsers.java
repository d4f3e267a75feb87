package dev.ff.jmh.peers.ff_sdk;

import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.scenarios.S3ManyUsersBench;
import dev.ff.sdk.Context;

/** ff-sdk on the S3 scenario; the benchmark methods come from {@link S3ManyUsersBench}. */
public class S3ManyUsers extends S3ManyUsersBench<Context> {
  @Override
  protected Peer<Context> createPeer() {
    return new FfSdkPeer();
  }
}
