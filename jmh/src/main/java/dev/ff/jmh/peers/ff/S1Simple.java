package dev.ff.jmh.peers.ff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.scenarios.S1SimpleBench;

/** ff on the S1 scenario; the benchmark methods come from {@link S1SimpleBench}. */
public class S1Simple extends S1SimpleBench<ObjectNode> {
  @Override
  protected Peer<ObjectNode> createPeer() {
    return new FfPeer();
  }
}
