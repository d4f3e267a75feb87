package dev.ff.control.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.feed.ConfigFeed;
import dev.ff.control.publish.ConfigReader;
import dev.ff.control.publish.ConfigVersion;
import dev.ff.control.store.Json;
import dev.ff.server.http.Response;
import dev.ff.server.sse.SseStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-Sent Event streams of config documents, driven by the {@link ConfigFeed} (PostgreSQL
 * {@code LISTEN/NOTIFY}), so a publish on any replica reaches the streams of every replica.
 *
 * <p>Events: {@code event: config} (the whole signed document) and {@code event: patch} ({@code
 * baseVersion, version, upsert, delete, signature} of the new document, plus {@code publishedAt},
 * the publication time, which is outside the signed document and lets receivers measure
 * propagation), each with {@code id: <version>}. On connect the client gets nothing when its {@code
 * Last-Event-ID} is the latest version, a patch when it is the previous one, and the whole document
 * otherwise. A stream then receives a patch per new version, or the whole document when it missed
 * versions.
 *
 * <p>Fan-out runs on one thread of its own (the feed thread only hands over), reads each new
 * version once per environment and never blocks on a client: when a stream's connection cannot take
 * an event ({@link SseStream#send} returns false) the stream is closed, so the client reconnects
 * with {@code Last-Event-ID} and resyncs; nothing is buffered for it.
 */
public final class ConfigStreams implements ConfigFeed.Listener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigStreams.class);

  /** Event name of a whole document. */
  public static final String CONFIG_EVENT = "config";

  /** Event name of a patch. */
  public static final String PATCH_EVENT = "patch";

  private static final class Subscriber {
    final SseStream stream;
    long version;

    Subscriber(SseStream stream, long version) {
      this.stream = stream;
      this.version = version;
    }
  }

  private final ConfigReader reader;
  private final Map<Long, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
  private final Map<Long, ConfigVersion> latest = new ConcurrentHashMap<>();
  private final ExecutorService fanout =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "ff-config-fanout");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * Streams over a reader; register them with a {@link ConfigFeed}.
   *
   * @param reader reads published versions
   */
  public ConfigStreams(ConfigReader reader) {
    this.reader = reader;
  }

  /**
   * The SSE response of one client.
   *
   * @param envId the environment
   * @param lastEventId the {@code Last-Event-ID} header, if any
   * @return the response
   */
  public Response open(long envId, Optional<String> lastEventId) {
    long claimed = lastEventId.map(ConfigStreams::parseVersion).orElse(0L);
    return Response.sse(stream -> subscribe(envId, stream, claimed));
  }

  /**
   * Number of open streams (for tests and metrics).
   *
   * @return the count
   */
  public int openStreams() {
    return subscribers.values().stream().mapToInt(Set::size).sum();
  }

  @Override
  public void onConfig(long envId, long version) {
    if (subscribers.getOrDefault(envId, Set.of()).isEmpty()) {
      return;
    }
    submit(() -> fanOut(envId));
  }

  @Override
  public void onReconnect() {
    for (Long envId : subscribers.keySet()) {
      submit(() -> fanOut(envId));
    }
  }

  /** Stops the fan-out thread; open streams are closed by the server. */
  @Override
  public void close() {
    fanout.shutdownNow();
    try {
      fanout.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void subscribe(long envId, SseStream stream, long claimed) {
    Subscriber subscriber = new Subscriber(stream, claimed);
    Set<Subscriber> set = subscribers.computeIfAbsent(envId, id -> ConcurrentHashMap.newKeySet());
    set.add(subscriber);
    stream.onClose(() -> set.remove(subscriber));
    Optional<ConfigVersion> current = reader.latest(envId);
    if (current.isEmpty()) {
      return;
    }
    synchronized (subscriber) {
      if (subscriber.version > current.get().version()) {
        subscriber.version = 0; // a version this environment never had: resync
      }
    }
    deliver(envId, subscriber, current.get());
  }

  private void fanOut(long envId) {
    Set<Subscriber> set = subscribers.getOrDefault(envId, Set.of());
    if (set.isEmpty()) {
      return;
    }
    Optional<ConfigVersion> current = reader.latest(envId);
    if (current.isEmpty()) {
      return;
    }
    for (Subscriber subscriber : set) {
      deliver(envId, subscriber, current.get());
    }
  }

  private void deliver(long envId, Subscriber subscriber, ConfigVersion target) {
    synchronized (subscriber) {
      long from = subscriber.version;
      if (from >= target.version()) {
        return;
      }
      String id = Long.toString(target.version());
      boolean sent;
      Optional<ObjectNode> patch =
          from > 0 && from == target.version() - 1 ? patch(envId, from, target) : Optional.empty();
      if (patch.isPresent()) {
        sent = subscriber.stream.send(id, PATCH_EVENT, Json.write(patch.get()));
      } else {
        sent = subscriber.stream.send(id, CONFIG_EVENT, Json.write(target.document()));
      }
      if (sent) {
        subscriber.version = target.version();
      } else if (subscriber.stream.isOpen()) {
        LOG.info("closing a config stream of env {} that cannot keep up", envId);
        subscriber.stream.close();
      }
    }
  }

  private Optional<ObjectNode> patch(long envId, long from, ConfigVersion target) {
    ConfigVersion previous = latest.get(envId);
    if (previous == null || previous.version() != from) {
      Optional<ConfigVersion> read = reader.byVersion(envId, from);
      if (read.isEmpty()) {
        return Optional.empty();
      }
      previous = read.get();
    }
    latest.merge(envId, target, (a, b) -> a.version() >= b.version() ? a : b);
    ObjectNode patch = ConfigReader.diff(previous.document(), target.document());
    // Not part of the signed document: lets receivers measure publish-to-apply propagation.
    patch.put("publishedAt", target.publishedAt().toString());
    return Optional.of(patch);
  }

  private void submit(Runnable task) {
    try {
      fanout.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              LOG.warn("config fan-out failed: {}", e.toString());
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.debug("config fan-out is shut down");
    }
  }

  private static long parseVersion(String text) {
    try {
      return Math.max(0, Long.parseLong(text.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
