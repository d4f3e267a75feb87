package dev.ff.jmh.peers.ff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.scenarios.S2ComplexBench;

/** ff on the S2 scenario; the benchmark methods come from {@link S2ComplexBench}. */
public class S2Complex extends S2ComplexBench<ObjectNode> {
  @Override
  protected Peer<ObjectNode> createPeer() {
    return new FfPeer();
  }
}
