package dev.ff.sdk.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.sdk.EventStats;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Queues events and posts them in batches ({@code POST {endpoint}/events}, a JSON array) from a
 * background task. The caller's thread only offers to a bounded queue: a full queue drops (and
 * counts) the event. A batch that fails is retried with exponential backoff, then dropped and
 * counted. One batch is in flight at a time.
 *
 * <p>Exposures are deduplicated in an {@link ExposureDedup} table of fingerprints; a repeat costs a
 * table read and a {@link LongAdder} increment (striped once threads contend), nothing else.
 */
public final class EventProcessor implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.ff.sdk");
  private static final MediaType JSON = MediaType.get("application/json");

  /**
   * The settings.
   *
   * @param sdkKey the bearer token
   * @param url the events URL
   * @param capacity the queue bound
   * @param batchSize the most events per request
   * @param flushInterval the flush period
   * @param maxAttempts attempts per batch before it is dropped
   * @param retryInitial the first retry delay
   * @param dedupCapacity how many (unit, flag, variation) exposures are remembered, 1..{@link
   *     ExposureDedup#MAX_CAPACITY}
   */
  public record Settings(
      String sdkKey,
      HttpUrl url,
      int capacity,
      int batchSize,
      Duration flushInterval,
      int maxAttempts,
      Duration retryInitial,
      int dedupCapacity) {}

  private final Settings settings;
  private final LazyHttpClient client;
  private final ScheduledExecutorService executor;
  private final BlockingQueue<PendingEvent> queue;
  private final ExposureDedup seen;
  private final AtomicBoolean inFlight = new AtomicBoolean();
  private final AtomicLong enqueued = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final LongAdder deduplicated = new LongAdder();
  private volatile ScheduledFuture<?> task;
  private volatile boolean closed;

  /**
   * Starts the processor.
   *
   * @param settings the settings
   * @param client the HTTP client, built on the first request
   * @param executor where flushes run
   */
  public EventProcessor(
      Settings settings, LazyHttpClient client, ScheduledExecutorService executor) {
    this.settings = settings;
    this.client = client;
    this.executor = executor;
    this.queue = new ArrayBlockingQueue<>(settings.capacity());
    this.seen = new ExposureDedup(settings.dedupCapacity());
    long period = settings.flushInterval().toMillis();
    this.task = executor.scheduleWithFixedDelay(this::flush, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Whether this exposure is the first of its unit, flag and variation in this session (or the
   * first since the table forgot it); a repeat is counted as deduplicated.
   *
   * @param fingerprint the exposure's fingerprint ({@link Hash64#exposure})
   * @return true the first time
   */
  public boolean firstExposure(long fingerprint) {
    if (seen.firstSeen(fingerprint)) {
      return true;
    }
    deduplicated.increment();
    return false;
  }

  /** Counts an exposure found to be a repeat without a table lookup. */
  public void countDeduplicated() {
    deduplicated.increment();
  }

  /**
   * Queues an event without blocking; it is built when flushed ({@link PendingEvent}).
   *
   * @param event the event
   */
  public void offer(PendingEvent event) {
    if (closed) {
      dropped.incrementAndGet();
      return;
    }
    if (queue.offer(event)) {
      enqueued.incrementAndGet();
    } else {
      dropped.incrementAndGet();
    }
  }

  /**
   * Whether the queue can take an event now; when it cannot, the caller counts the event as dropped
   * ({@link #countDropped}) without building it.
   *
   * @return true while the queue is not full and the processor is open
   */
  public boolean hasRoom() {
    return !closed && queue.remainingCapacity() > 0;
  }

  /**
   * Counts an event that could not even be built (e.g. no config yet).
   *
   * @param n how many
   */
  public void countDropped(long n) {
    dropped.addAndGet(n);
  }

  /**
   * The counters.
   *
   * @return the stats
   */
  public EventStats stats() {
    return new EventStats(enqueued.get(), sent.get(), dropped.get(), deduplicated.sum());
  }

  /**
   * Queued, not yet sent.
   *
   * @return the queue size
   */
  public int queued() {
    return queue.size();
  }

  /** Starts sending a batch now unless one is in flight (asynchronous). */
  public void flush() {
    if (queue.isEmpty() || !inFlight.compareAndSet(false, true)) {
      return;
    }
    List<PendingEvent> pending = new ArrayList<>();
    queue.drainTo(pending, settings.batchSize());
    List<ObjectNode> batch = build(pending);
    if (batch.isEmpty()) {
      inFlight.set(false);
      return;
    }
    send(batch, 1);
  }

  /** Builds queued events; one that fails to build is logged and counted as dropped. */
  private List<ObjectNode> build(List<PendingEvent> pending) {
    List<ObjectNode> built = new ArrayList<>(pending.size());
    for (PendingEvent p : pending) {
      try {
        built.add(p.build());
      } catch (RuntimeException e) {
        dropped.incrementAndGet();
        LOG.log(Level.WARNING, "ff: an event could not be built and is dropped", e);
      }
    }
    return built;
  }

  /** The POST of a batch to the events endpoint. */
  private Request request(List<ObjectNode> batch) {
    ArrayNode body = Json.MAPPER.createArrayNode();
    batch.forEach(body::add);
    return new Request.Builder()
        .url(settings.url())
        .header("Authorization", "Bearer " + settings.sdkKey())
        .header("User-Agent", FfVersion.USER_AGENT)
        .post(RequestBody.create(Json.write(body), JSON))
        .build();
  }

  private void send(List<ObjectNode> batch, int attempt) {
    client
        .get()
        .newCall(request(batch))
        .enqueue(
            new Callback() {
              @Override
              public void onResponse(Call call, Response response) {
                try (response) {
                  if (response.isSuccessful()) {
                    done(batch, true);
                  } else if (response.code() == 400 || response.code() == 413) {
                    LOG.log(Level.WARNING, "ff: events refused with " + response.code());
                    done(batch, false);
                  } else {
                    retry(batch, attempt, "status " + response.code());
                  }
                }
              }

              @Override
              public void onFailure(Call call, IOException e) {
                retry(batch, attempt, e.toString());
              }
            });
  }

  private void retry(List<ObjectNode> batch, int attempt, String why) {
    if (attempt >= settings.maxAttempts() || closed) {
      LOG.log(
          Level.WARNING,
          "ff: dropping " + batch.size() + " events after " + attempt + " attempts: " + why);
      done(batch, false);
      return;
    }
    long delay = settings.retryInitial().toMillis() << Math.min(attempt - 1, 10);
    try {
      executor.schedule(() -> send(batch, attempt + 1), delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      done(batch, false);
    }
  }

  private void done(List<ObjectNode> batch, boolean ok) {
    (ok ? sent : dropped).addAndGet(batch.size());
    inFlight.set(false);
    if (!closed && queue.size() >= settings.batchSize()) {
      try {
        executor.execute(this::flush);
      } catch (RejectedExecutionException e) {
        // shutting down
      }
    }
  }

  /** Stops flushing; events still queued are sent in one last attempt, or counted as dropped. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    ScheduledFuture<?> t = task;
    if (t != null) {
      t.cancel(false);
    }
    List<PendingEvent> pending = new ArrayList<>();
    queue.drainTo(pending);
    closed = true;
    List<ObjectNode> rest = build(pending);
    if (rest.isEmpty()) {
      return;
    }
    try (Response response = client.get().newCall(request(rest)).execute()) {
      (response.isSuccessful() ? sent : dropped).addAndGet(rest.size());
    } catch (IOException e) {
      dropped.addAndGet(rest.size());
    }
  }
}
