package dev.ff.edge.replica;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.ConfigLoader;
import dev.ff.core.document.ConfigPatches;
import dev.ff.core.document.PatchException;
import dev.ff.core.eval.CompiledConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A verified, compiled replica of one environment's config document.
 *
 * <p>It subscribes to the control plane's stream {@code GET /v1/configs/{envKey}/stream} with the
 * environment's SDK token. A {@code config} event is verified (signature against the key ring,
 * environment key, validation) and compiled; a {@code patch} event whose {@code baseVersion} is the
 * replica's version is applied with {@link ConfigPatches#apply}, then verified and compiled; a
 * patch after a gap, or one whose result fails verification, makes the replica fetch the whole
 * document with {@code GET /v1/configs/{envKey}}. Documents that fail verification are never
 * served: they are counted ({@code edge_config_rejected_total}), logged, and the last good one
 * stays.
 *
 * <p>When the stream drops it reconnects with {@code Last-Event-ID: <version>} after an exponential
 * backoff with jitter, and meanwhile polls the document with {@code If-None-Match}. A stream silent
 * for longer than the idle timeout (heartbeats included) is treated as dropped. The current state
 * is one {@link Snapshot} behind an atomic reference, swapped whole; the compiled plan lives in the
 * shared {@link PlanCache}. Every verified document is also written to the {@link DocumentStore},
 * and {@link #start()} first tries to start from it.
 */
public final class EnvironmentReplica implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EnvironmentReplica.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * One installed, verified document.
   *
   * @param document the signed document
   * @param json its text, as served to SDKs
   * @param version its version
   * @param installedAt when the replica installed it
   */
  public record Snapshot(ObjectNode document, String json, long version, Instant installedAt) {}

  /**
   * A new snapshot replaced another.
   *
   * @param replica the replica's name ({@link #name()})
   * @param previous the replaced snapshot, or null for the first one
   * @param current the new snapshot
   */
  public record Change(String replica, Snapshot previous, Snapshot current) {}

  /** Told about every installed snapshot, on the thread that installed it; must not block. */
  @FunctionalInterface
  public interface Listener {
    /**
     * A snapshot was installed.
     *
     * @param change what changed
     */
    void onChange(Change change);
  }

  /** Where a document came from. */
  private enum Source {
    STREAM,
    FETCH,
    STORE
  }

  private final String name;
  private final String envKey;
  private final Supplier<String> sdkToken;
  private final ReplicaContext ctx;
  private final AtomicReference<Snapshot> current = new AtomicReference<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong refetches = new AtomicLong();
  private final AtomicLong connects = new AtomicLong();
  private final Object applyLock = new Object();

  private volatile boolean closed;
  private volatile boolean streamUp;
  private volatile long lastActivityMillis;
  private volatile InputStream openBody;
  private int failures;
  private ScheduledFuture<?> poller;
  private ScheduledFuture<?> idleCheck;

  /**
   * A replica; call {@link #start()}.
   *
   * @param envKey the environment key
   * @param sdkToken the environment's SDK token at the control plane
   * @param ctx the shared context
   */
  public EnvironmentReplica(String envKey, String sdkToken, ReplicaContext ctx) {
    this(envKey, envKey, constant(sdkToken), ctx);
  }

  /**
   * A replica with its own name and a token that may change (the replicas that {@code ff serve}
   * starts on demand follow the control plane with the latest SDK token a client presented).
   *
   * @param name unique among the replicas of one process: the key of its metrics, compiled plan, L2
   *     copy and SDK streams (environment keys repeat across projects)
   * @param envKey the environment key (checked against every document)
   * @param sdkToken the current SDK token of the environment at the control plane
   * @param ctx the shared context
   */
  public EnvironmentReplica(
      String name, String envKey, Supplier<String> sdkToken, ReplicaContext ctx) {
    this.name = Objects.requireNonNull(name, "name");
    this.envKey = Objects.requireNonNull(envKey, "envKey");
    this.sdkToken = Objects.requireNonNull(sdkToken, "sdkToken");
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  private static Supplier<String> constant(String token) {
    Objects.requireNonNull(token, "sdkToken");
    return () -> token;
  }

  /**
   * Starts: loads the L2 document (if any) and connects the stream, both in the background.
   *
   * @return this replica
   */
  public EnvironmentReplica start() {
    long idleMillis = ctx.streamIdleTimeout().toMillis();
    idleCheck =
        ctx.scheduler()
            .scheduleWithFixedDelay(
                this::checkIdle,
                Math.max(1, idleMillis / 3),
                Math.max(1, idleMillis / 3),
                TimeUnit.MILLISECONDS);
    runWorker(
        () -> {
          loadFromStore();
          connect();
        });
    return this;
  }

  /**
   * The environment key.
   *
   * @return the key
   */
  public String envKey() {
    return envKey;
  }

  /**
   * The replica's name: the environment key, unless several projects' environments share a process.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The environment's SDK token (edge clients authenticate with it too).
   *
   * @return the token
   */
  public String sdkToken() {
    return sdkToken.get();
  }

  /**
   * The current snapshot.
   *
   * @return the snapshot, or empty before the first verified document
   */
  public Optional<Snapshot> snapshot() {
    return Optional.ofNullable(current.get());
  }

  /**
   * The current compiled plan (from the L1 cache, recompiled from the last verified document after
   * an eviction).
   *
   * @return the plan, or empty before the first verified document
   */
  public Optional<CompiledConfig> plan() {
    Snapshot snapshot = current.get();
    return snapshot == null ? Optional.empty() : ctx.plans().plan(name, snapshot);
  }

  /**
   * Whether the replica has a verified document.
   *
   * @return true after the first one
   */
  public boolean isReady() {
    return current.get() != null;
  }

  /**
   * The served version.
   *
   * @return the version, 0 before the first document
   */
  public long version() {
    Snapshot snapshot = current.get();
    return snapshot == null ? 0 : snapshot.version();
  }

  /**
   * Whether the control-plane stream is connected.
   *
   * @return true while connected
   */
  public boolean isStreamConnected() {
    return streamUp;
  }

  /**
   * Documents and patches refused so far (bad signature, invalid, another environment).
   *
   * @return the count
   */
  public long rejectedCount() {
    return rejected.get();
  }

  /**
   * Whole-document fetches made after a gap or a refused patch.
   *
   * @return the count
   */
  public long refetchCount() {
    return refetches.get();
  }

  /**
   * Successful stream connections so far.
   *
   * @return the count
   */
  public long connectCount() {
    return connects.get();
  }

  /**
   * Registers a listener of installed snapshots.
   *
   * @param listener the listener
   */
  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  /**
   * Fetches the whole document now ({@code If-None-Match} with the current version).
   *
   * @return true when a new document was installed
   */
  public boolean fetch() {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("")).timeout(Duration.ofSeconds(10)).GET();
    request.header("Authorization", "Bearer " + sdkToken.get());
    long have = version();
    if (have > 0) {
      request.header("If-None-Match", "\"" + have + "\"");
    }
    Instant arrived;
    HttpResponse<String> response;
    try {
      response = ctx.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
      arrived = ctx.clock().instant();
    } catch (IOException e) {
      LOG.debug("config fetch of {} failed: {}", name, e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    if (response.statusCode() == 304) {
      return false;
    }
    if (response.statusCode() != 200) {
      LOG.warn("config fetch of {} answered {}", name, response.statusCode());
      return false;
    }
    return acceptText(response.body(), Source.FETCH, arrived);
  }

  /** Stops streaming and polling; the last snapshot stays readable. */
  @Override
  public void close() {
    closed = true;
    synchronized (this) {
      if (poller != null) {
        poller.cancel(false);
      }
      if (idleCheck != null) {
        idleCheck.cancel(false);
      }
    }
    closeBody();
  }

  // ---------------------------------------------------------------- stream

  private void connect() {
    if (closed) {
      return;
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("/stream"))
            .header("Authorization", "Bearer " + sdkToken.get())
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofSeconds(10))
            .GET();
    long have = version();
    if (have > 0) {
      request.header("Last-Event-ID", Long.toString(have));
    }
    try {
      HttpResponse<InputStream> response =
          ctx.http().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
        LOG.warn("config stream of {} answered {}", name, response.statusCode());
      } else {
        openBody = response.body();
        if (closed) {
          closeBody();
          return;
        }
        streamConnected();
        read(response.body());
      }
    } catch (IOException e) {
      LOG.debug("config stream of {} failed: {}", name, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeBody();
      streamDropped();
    }
  }

  private synchronized void streamConnected() {
    streamUp = true;
    failures = 0;
    lastActivityMillis = ctx.clock().millis();
    connects.incrementAndGet();
    if (poller != null) {
      poller.cancel(false);
      poller = null;
    }
    LOG.info("config stream of {} connected (have version {})", name, version());
  }

  private void streamDropped() {
    if (closed) {
      return;
    }
    long delay;
    synchronized (this) {
      if (streamUp) {
        LOG.info("config stream of {} dropped at version {}", name, version());
      }
      streamUp = false;
      delay = backoffMillis(failures++);
      if (poller == null) {
        long every = ctx.pollInterval().toMillis();
        poller =
            ctx.scheduler()
                .scheduleWithFixedDelay(
                    () -> runWorker(this::fetch), 0, every, TimeUnit.MILLISECONDS);
      }
    }
    try {
      ctx.scheduler().schedule(() -> runWorker(this::connect), delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("scheduler is shut down");
    }
  }

  /** Full jitter between half and all of min × 2^failures, capped at the maximum. */
  private long backoffMillis(int failureCount) {
    long min = ctx.minBackoff().toMillis();
    long max = ctx.maxBackoff().toMillis();
    long base = min << Math.min(failureCount, 20);
    long capped = Math.max(1, Math.min(max, base));
    return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
  }

  private void checkIdle() {
    if (streamUp
        && ctx.clock().millis() - lastActivityMillis > ctx.streamIdleTimeout().toMillis()) {
      LOG.warn("config stream of {} silent for too long; reconnecting", name);
      closeBody();
    }
  }

  private void closeBody() {
    InputStream body = openBody;
    openBody = null;
    if (body != null) {
      try {
        body.close();
      } catch (IOException e) {
        LOG.debug("closing the stream of {}: {}", name, e.toString());
      }
    }
  }

  private void read(InputStream body) throws IOException {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String event = null;
      StringBuilder data = new StringBuilder();
      String line;
      while (!closed && (line = lines.readLine()) != null) {
        lastActivityMillis = ctx.clock().millis();
        if (line.isEmpty()) {
          if (data.length() > 0) {
            onEvent(event == null ? "message" : event, data.toString());
          }
          event = null;
          data.setLength(0);
        } else if (line.startsWith(":")) {
          continue; // comment (heartbeat)
        } else if (line.startsWith("event:")) {
          event = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          if (data.length() > 0) {
            data.append('\n');
          }
          String value = line.substring(5);
          data.append(value.startsWith(" ") ? value.substring(1) : value);
        }
        // id: and retry: are not needed: the version inside the document is authoritative
      }
    }
  }

  private void onEvent(String event, String data) {
    Instant arrived = ctx.clock().instant();
    switch (event) {
      case "config" -> {
        if (!acceptText(data, Source.STREAM, arrived)) {
          refetch("refused config event");
        }
      }
      case "patch" -> onPatch(data, arrived);
      default -> LOG.debug("ignoring event {} on the stream of {}", event, name);
    }
  }

  private void onPatch(String data, Instant arrived) {
    JsonNode patch;
    try {
      patch = MAPPER.readTree(data);
    } catch (JsonProcessingException e) {
      reject("patch is not JSON");
      refetch("unreadable patch");
      return;
    }
    Instant published = instant(patch.get("publishedAt")).orElse(arrived);
    Snapshot have = current.get();
    long base = patch.path("baseVersion").asLong(-1);
    long next = patch.path("version").asLong(-1);
    if (have != null && next <= have.version()) {
      return; // already applied (duplicate after a reconnect)
    }
    if (have == null || base != have.version()) {
      refetch("gap: have " + (have == null ? 0 : have.version()) + ", patch base " + base);
      return;
    }
    ObjectNode patched;
    try {
      patched = ConfigPatches.apply(have.document(), patch);
    } catch (PatchException e) {
      reject("patch does not apply: " + e.getMessage());
      refetch("patch does not apply");
      return;
    }
    if (!accept(patched, Source.STREAM, published)) {
      refetch("patched document refused");
    }
  }

  private void refetch(String why) {
    LOG.info("fetching the whole document of {}: {}", name, why);
    refetches.incrementAndGet();
    fetch();
  }

  // ---------------------------------------------------------------- install

  private void loadFromStore() {
    Optional<String> stored = ctx.store().load(name);
    ctx.metrics().cache(EdgeMetrics.Level.L2, stored.isPresent());
    stored.ifPresent(text -> acceptText(text, Source.STORE, ctx.clock().instant()));
  }

  private boolean acceptText(String text, Source source, Instant arrived) {
    JsonNode doc;
    try {
      doc = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      reject("document from " + source + " is not JSON");
      return false;
    }
    if (!(doc instanceof ObjectNode object)) {
      reject("document from " + source + " is not an object");
      return false;
    }
    return accept(object, source, arrived);
  }

  private boolean accept(ObjectNode doc, Source source, Instant arrived) {
    if (!envKey.equals(doc.path("env").asText(null))) {
      reject("document from " + source + " is for environment " + doc.path("env").asText("?"));
      return false;
    }
    ConfigLoader.Result result = ConfigLoader.load(doc, ctx.keys());
    if (result instanceof ConfigLoader.Unverified unverified) {
      reject("document from " + source + " fails verification: " + unverified.reason());
      return false;
    }
    if (result instanceof ConfigLoader.Invalid invalid) {
      reject("document from " + source + " is invalid: " + invalid.diagnostics());
      return false;
    }
    install(doc, ((ConfigLoader.Loaded) result).config(), source, arrived);
    return true;
  }

  private void install(ObjectNode doc, CompiledConfig plan, Source source, Instant arrived) {
    Snapshot previous;
    Snapshot next;
    synchronized (applyLock) {
      previous = current.get();
      if (previous != null && plan.version() <= previous.version()) {
        return; // stale or duplicate: keep the newer one
      }
      String json;
      try {
        json = MAPPER.writeValueAsString(doc);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      Instant now = ctx.clock().instant();
      next = new Snapshot(doc, json, plan.version(), now);
      ctx.plans().put(name, plan);
      current.set(next);
      ctx.metrics().configVersion(name, plan.version());
      ctx.metrics().propagation(propagationSeconds(doc, arrived, now));
      if (source != Source.STORE) {
        ctx.store().save(name, json);
      }
      LOG.info(
          "environment {} now serves version {} (from {})",
          name,
          plan.version(),
          source.name().toLowerCase(java.util.Locale.ROOT));
      Change change = new Change(name, previous, next);
      for (Listener listener : listeners) {
        try {
          listener.onChange(change);
        } catch (RuntimeException e) {
          LOG.warn("a listener of {} failed: {}", name, e.toString());
        }
      }
    }
  }

  /**
   * From publication to installation: the document's {@code publishedAt} when it has one, else
   * {@code since} (the patch event's {@code publishedAt}, or the arrival at the edge for whole
   * documents, which carry no publication time).
   */
  private static double propagationSeconds(JsonNode doc, Instant since, Instant now) {
    Instant from = instant(doc.get("publishedAt")).orElse(since);
    return Math.max(0, Duration.between(from, now).toNanos() / 1e9);
  }

  private static Optional<Instant> instant(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(node.textValue()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private void reject(String why) {
    rejected.incrementAndGet();
    ctx.metrics().rejected(name);
    LOG.warn("refused a config of {} and kept version {}: {}", name, version(), why);
  }

  private URI uri(String suffix) {
    return URI.create(
        ctx.controlUrl()
            + "/v1/configs/"
            + URLEncoder.encode(envKey, StandardCharsets.UTF_8)
            + suffix);
  }

  private void runWorker(Runnable task) {
    if (closed) {
      return;
    }
    try {
      ctx.workers()
          .execute(
              () -> {
                try {
                  task.run();
                } catch (RuntimeException e) {
                  LOG.warn("replica {} task failed: {}", name, e.toString());
                }
              });
    } catch (RejectedExecutionException e) {
      LOG.debug("workers are shut down");
    }
  }
}
