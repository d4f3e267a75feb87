package dev.ff.jmh.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * One SDK under measurement. An implementation starts a fully offline client in its constructor
 * (flags from a bundled file, no network, no analytics events, no polling) and exposes the SDK's
 * ordinary public evaluation call in {@link #s1} and {@link #s2}. Benchmarks pass contexts that
 * {@link #context} built before measurement.
 *
 * <p>To add an SDK, implement this interface in {@code dev.ff.jmh.peers.<name>}, add one small
 * subclass of each scenario base class in {@code dev.ff.jmh.scenarios} beside it, and register it
 * in {@code dev.ff.jmh.tools.Peers}.
 *
 * @param <C> the SDK's own evaluation-context type
 */
public interface Peer<C> extends AutoCloseable {

  /**
   * Display name.
   *
   * @return a short name such as "LaunchDarkly"
   */
  String name();

  /**
   * What is measured.
   *
   * @return the artifact coordinates with their versions, and how the client is set up offline
   */
  String description();

  /**
   * Builds the SDK's native context from all nine attributes of {@code user}. Not measured.
   *
   * @param user the user
   * @return the native context
   */
  C context(User user);

  /**
   * {@link #context} for each user, in order (built one after the other, so they lie together in
   * memory). Not measured.
   *
   * @param users the users
   * @return their native contexts
   */
  default List<C> contexts(List<User> users) {
    List<C> out = new ArrayList<>(users.size());
    for (User u : users) {
      out.add(context(u));
    }
    return out;
  }

  /**
   * Evaluates the S1 boolean flag {@link Scenarios#S1_KEY}. Measured.
   *
   * @param ctx a context built by {@link #context}
   * @return the flag's value
   */
  boolean s1(C ctx);

  /**
   * Evaluates the S2 string flag {@link Scenarios#S2_KEY}. Measured.
   *
   * @param ctx a context built by {@link #context}
   * @return the flag's value
   */
  String s2(C ctx);

  /**
   * Where this peer's flag file cannot express the scenario exactly.
   *
   * @return one line per deviation; empty when there is none
   */
  default List<String> deviations() {
    return List.of();
  }

  /** Stops the client and its background threads. */
  @Override
  void close();
}
