package dev.ff.jmh.peers.ff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.scenarios.S3ManyUsersBench;

/** ff on the S3 scenario; the benchmark methods come from {@link S3ManyUsersBench}. */
public class S3ManyUsers extends S3ManyUsersBench<ObjectNode> {
  @Override
  protected Peer<ObjectNode> createPeer() {
    return new FfPeer();
  }
}
