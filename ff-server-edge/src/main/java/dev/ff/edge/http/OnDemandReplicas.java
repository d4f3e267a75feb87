package dev.ff.edge.http;

import dev.ff.edge.replica.EnvironmentReplica;
import dev.ff.server.http.ProblemException;
import dev.ff.server.http.Request;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Replicas started on first use, for an edge that serves whatever environments its clients' SDK
 * tokens name (the edge mounted into {@code ff serve}, where the control plane in the same process
 * has already authenticated the token). Each replica follows the control plane with the latest
 * token a client presented for its environment, so a rotated or revoked token is replaced as soon
 * as a client uses the new one.
 */
public final class OnDemandReplicas implements ReplicaAccess, AutoCloseable {

  /**
   * The environment an authenticated request's token is bound to.
   *
   * @param name unique name of the environment in this process (for example {@code
   *     org/project/env}): the replica's name
   * @param envKey the environment key
   * @param token the SDK token the request presented
   */
  public record Binding(String name, String envKey, String token) {

    /** Checks the fields. */
    public Binding {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(envKey, "envKey");
      Objects.requireNonNull(token, "token");
    }
  }

  /** Makes (not starts) the replica of a binding. */
  @FunctionalInterface
  public interface Factory {

    /**
     * A new replica.
     *
     * @param name the replica's name
     * @param envKey the environment key
     * @param token the current token, read on every request to the control plane
     * @return the replica
     */
    EnvironmentReplica create(String name, String envKey, Supplier<String> token);
  }

  private static final class Entry {
    final EnvironmentReplica replica;
    volatile String token;

    Entry(Binding binding, Factory factory) {
      this.token = binding.token();
      this.replica = factory.create(binding.name(), binding.envKey(), () -> token);
    }
  }

  private final Function<Request, Optional<Binding>> binder;
  private final Factory factory;
  private final Collection<EnvironmentReplica.Listener> listeners;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * On-demand replicas.
   *
   * @param binder the binding of an authenticated request, empty when its principal is not bound to
   *     an environment
   * @param factory makes replicas
   * @param listeners registered on every replica before it starts (the SDK stream hub)
   */
  public OnDemandReplicas(
      Function<Request, Optional<Binding>> binder,
      Factory factory,
      List<EnvironmentReplica.Listener> listeners) {
    this.binder = Objects.requireNonNull(binder, "binder");
    this.factory = Objects.requireNonNull(factory, "factory");
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public EnvironmentReplica replicaFor(Request request, String envKey) {
    Binding binding =
        binder
            .apply(request)
            .orElseThrow(() -> ProblemException.forbidden("An SDK token is required"));
    if (!binding.envKey().equals(envKey)) {
      throw ProblemException.forbidden("The SDK token is not one of environment " + envKey);
    }
    if (closed) {
      throw ProblemException.serviceUnavailable("The edge is shutting down", 1);
    }
    Entry entry = entries.computeIfAbsent(binding.name(), name -> start(binding));
    entry.token = binding.token();
    return entry.replica;
  }

  private Entry start(Binding binding) {
    Entry entry = new Entry(binding, factory);
    listeners.forEach(entry.replica::addListener);
    entry.replica.start();
    return entry;
  }

  /**
   * The replicas started so far.
   *
   * @return the replicas
   */
  public List<EnvironmentReplica> replicas() {
    return entries.values().stream().map(e -> e.replica).toList();
  }

  /** Closes every replica; later requests get 503. */
  @Override
  public void close() {
    closed = true;
    entries.values().forEach(e -> e.replica.close());
  }
}
