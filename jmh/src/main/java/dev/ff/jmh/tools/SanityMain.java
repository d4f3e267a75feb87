package dev.ff.jmh.tools;

import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.harness.Sanity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the full sanity check once for every peer, or for the peers named as arguments, and prints
 * it. Exits with 1 when a peer fails or cannot start, with 2 for an unknown peer name.
 *
 * <pre>java -cp benchmarks.jar dev.ff.jmh.tools.SanityMain [ff ff_sdk launchdarkly unleash ...]
 * </pre>
 */
public final class SanityMain {
  private SanityMain() {}

  /**
   * Entry point.
   *
   * @param args peer names (columns); none means every peer
   */
  public static void main(String[] args) {
    Map<String, Supplier<Peer<?>>> peers = Peers.all();
    for (String name : args) {
      if (!peers.containsKey(name)) {
        System.out.println("[sanity] unknown peer " + name + "; known: " + peers.keySet());
        System.exit(2);
      }
    }
    List<String> wanted = List.of(args);
    List<String> failed = new ArrayList<>();
    for (Map.Entry<String, Supplier<Peer<?>>> e : peers.entrySet()) {
      if (!wanted.isEmpty() && !wanted.contains(e.getKey())) {
        continue;
      }
      long start = System.nanoTime();
      try (Peer<?> peer = e.getValue().get()) {
        Sanity.Report report = Sanity.run(peer, Sanity.Size.FULL);
        System.out.print(report.text());
        System.out.printf(
            Locale.ROOT, "[sanity]   (checked in %.1f s)%n", (System.nanoTime() - start) / 1e9);
        if (!report.ok()) {
          failed.add(e.getKey());
        }
      } catch (RuntimeException | LinkageError ex) {
        System.out.println("[sanity] " + e.getKey() + "  -> COULD NOT RUN: " + ex);
        ex.printStackTrace(System.out);
        failed.add(e.getKey());
      }
      System.out.flush();
    }
    if (!failed.isEmpty()) {
      System.out.println("[sanity] FAILED: " + failed);
      System.exit(1);
    }
    System.out.println("[sanity] all peers OK");
    System.exit(0); // the SDKs' background threads must not keep the JVM alive
  }
}
