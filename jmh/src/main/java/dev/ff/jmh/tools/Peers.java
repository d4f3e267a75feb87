package dev.ff.jmh.tools;

import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.peers.ff.FfPeer;
import dev.ff.jmh.peers.ff_sdk.FfSdkPeer;
import dev.ff.jmh.peers.flagd.FlagdPeer;
import dev.ff.jmh.peers.launchdarkly.LaunchDarklyPeer;
import dev.ff.jmh.peers.unleash.UnleashPeer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every peer, for {@link SanityMain} and for the column order of {@link Report} (JMH finds the
 * benchmark classes by itself). The key is the peer's sub-package of {@code dev.ff.jmh.peers},
 * which is also its column name. Add a line here when adding a peer.
 */
public final class Peers {
  private Peers() {}

  /**
   * The peers in column order.
   *
   * @return column name to a factory that starts the peer
   */
  public static Map<String, Supplier<Peer<?>>> all() {
    Map<String, Supplier<Peer<?>>> peers = new LinkedHashMap<>();
    peers.put("ff", FfPeer::new);
    peers.put("ff_sdk", FfSdkPeer::new); // the Java SDK over the same document, exposures on
    peers.put("launchdarkly", LaunchDarklyPeer::new);
    peers.put("unleash", UnleashPeer::new);
    peers.put("unleash_inline", () -> new UnleashPeer(true)); // diagnostic, not the SDK default
    peers.put("flagd", FlagdPeer::new);
    return peers;
  }
}
