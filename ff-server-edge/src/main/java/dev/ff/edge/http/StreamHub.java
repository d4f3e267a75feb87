package dev.ff.edge.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.edge.replica.ConfigDiff;
import dev.ff.edge.replica.EdgeMetrics;
import dev.ff.edge.replica.EnvironmentReplica;
import dev.ff.edge.replica.EnvironmentReplica.Change;
import dev.ff.edge.replica.EnvironmentReplica.Snapshot;
import dev.ff.server.http.Response;
import dev.ff.server.sse.SseStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge's SDK config streams ({@code GET /stream/{envKey}}). On connect a client gets the whole
 * document as {@code event: config} unless its {@code Last-Event-ID} is the served version; then,
 * for each version the replica installs, a {@code patch} when the client holds the previous version
 * (and the change is expressible as a patch), else the whole document. Each event has {@code id:
 * <version>}. Sending never blocks: a client whose connection cannot take an event is disconnected
 * (it reconnects with {@code Last-Event-ID}), so nothing is buffered for slow consumers.
 */
public final class StreamHub implements EnvironmentReplica.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final class Subscriber {
    final SseStream stream;
    long version;

    Subscriber(SseStream stream, long version) {
      this.stream = stream;
      this.version = version;
    }
  }

  private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
  private final EdgeMetrics metrics;

  /**
   * A hub; register it as a listener of every replica.
   *
   * @param metrics records {@code edge_stream_clients}
   */
  public StreamHub(EdgeMetrics metrics) {
    this.metrics = metrics;
  }

  /**
   * The SSE response of one client.
   *
   * @param replica the environment's replica
   * @param lastEventId the client's {@code Last-Event-ID}, if any
   * @return the response
   */
  public Response open(EnvironmentReplica replica, Optional<String> lastEventId) {
    long claimed = lastEventId.map(StreamHub::parseVersion).orElse(0L);
    return Response.sse(stream -> subscribe(replica, stream, claimed));
  }

  /**
   * Open client streams of a replica.
   *
   * @param replica the replica's name (the environment key on a standalone edge)
   * @return the count
   */
  public int clients(String replica) {
    return subscribers.getOrDefault(replica, Set.of()).size();
  }

  @Override
  public void onChange(Change change) {
    Set<Subscriber> set = subscribers.getOrDefault(change.replica(), Set.of());
    if (set.isEmpty()) {
      return;
    }
    String patch = null;
    if (change.previous() != null) {
      patch =
          ConfigDiff.diff(change.previous().document(), change.current().document())
              .map(StreamHub::write)
              .orElse(null);
    }
    for (Subscriber subscriber : set) {
      deliver(subscriber, change.current(), change.previous(), patch);
    }
  }

  private void subscribe(EnvironmentReplica replica, SseStream stream, long claimed) {
    String env = replica.name();
    Subscriber subscriber = new Subscriber(stream, claimed);
    Set<Subscriber> set = subscribers.computeIfAbsent(env, k -> ConcurrentHashMap.newKeySet());
    set.add(subscriber);
    metrics.streamClients(env, 1);
    stream.onClose(
        () -> {
          if (set.remove(subscriber)) {
            metrics.streamClients(env, -1);
          }
        });
    replica
        .snapshot()
        .ifPresent(
            snapshot -> {
              synchronized (subscriber) {
                if (subscriber.version != snapshot.version()) {
                  subscriber.version = 0; // stale or unknown Last-Event-ID: the whole document
                }
              }
              deliver(subscriber, snapshot, null, null);
            });
  }

  private static void deliver(
      Subscriber subscriber, Snapshot target, Snapshot previous, String patch) {
    synchronized (subscriber) {
      if (subscriber.version >= target.version()) {
        return;
      }
      String id = Long.toString(target.version());
      boolean sent;
      if (patch != null && previous != null && subscriber.version == previous.version()) {
        sent = subscriber.stream.send(id, "patch", patch);
      } else {
        sent = subscriber.stream.send(id, "config", target.json());
      }
      if (sent) {
        subscriber.version = target.version();
      } else if (subscriber.stream.isOpen()) {
        LOG.info("closing an SDK config stream that cannot keep up");
        subscriber.stream.close();
      }
    }
  }

  private static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
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
