package dev.ff.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.sdk.spi.DataSource;
import dev.ff.sdk.spi.DataSourceUpdates;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Server-Sent Events: {@code config} events replace the document, {@code patch} events apply when
 * their base version is the one in use (else the whole document is fetched). Reconnects resume with
 * {@code Last-Event-ID} after an exponential backoff with jitter; a watchdog restarts a stream that
 * sent no byte (not even a {@code : ping}) for the heartbeat timeout; a circuit breaker stops
 * reconnect storms and switches to ETag polling while it is open; 401/403 stops the source for
 * good.
 */
public final class StreamingDataSource implements DataSource {
  private static final System.Logger LOG = System.getLogger("dev.ff.sdk");

  private final HttpSettings settings;
  private final ConfigFetcher fetcher;
  private final ScheduledExecutorService executor;
  private final OkHttpClient streamClient;
  private final Backoff backoff;
  private final CircuitBreaker breaker;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicInteger connects = new AtomicInteger();
  private volatile long lastByteNanos = System.nanoTime();
  private volatile EventSource source;
  private volatile boolean open;
  private volatile boolean closed;
  private volatile DataSourceUpdates updates;
  private volatile ScheduledFuture<?> watchdog;

  /**
   * A streaming source.
   *
   * @param client the base HTTP client (its read timeout is replaced: the watchdog bounds silence)
   * @param fetcher the fetcher for full documents and fallback polling
   * @param settings the settings
   * @param executor where reconnects, refetches and the watchdog run
   */
  public StreamingDataSource(
      OkHttpClient client,
      ConfigFetcher fetcher,
      HttpSettings settings,
      ScheduledExecutorService executor) {
    this.settings = settings;
    this.fetcher = fetcher;
    this.executor = executor;
    this.backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
    this.breaker =
        CircuitBreaker.of(
            "ff-stream",
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.circuitOpen())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    this.streamClient =
        client
            .newBuilder()
            .readTimeout(Duration.ZERO)
            .addInterceptor(
                chain -> {
                  Response r = chain.proceed(chain.request());
                  ResponseBody body = r.body();
                  if (body == null) {
                    return r;
                  }
                  lastByteNanos = System.nanoTime();
                  BufferedSource counted =
                      Okio.buffer(
                          new ForwardingSource(body.source()) {
                            @Override
                            public long read(Buffer sink, long byteCount) throws IOException {
                              long n = super.read(sink, byteCount);
                              if (n > 0) {
                                lastByteNanos = System.nanoTime();
                              }
                              return n;
                            }
                          });
                  return r.newBuilder()
                      .body(ResponseBody.create(counted, body.contentType(), body.contentLength()))
                      .build();
                })
            .build();
  }

  /**
   * How many stream connections were attempted (for tests and diagnostics).
   *
   * @return the count
   */
  public int connectAttempts() {
    return connects.get();
  }

  /**
   * The circuit breaker's state.
   *
   * @return e.g. {@code CLOSED}, {@code OPEN}
   */
  public String breakerState() {
    return breaker.getState().name();
  }

  @Override
  public void start(DataSourceUpdates u) {
    this.updates = u;
    long period = Math.max(50, Math.min(1000, settings.heartbeatTimeout().toMillis() / 4));
    watchdog =
        executor.scheduleAtFixedRate(this::checkHeartbeat, period, period, TimeUnit.MILLISECONDS);
    executor.execute(this::connect);
  }

  private void connect() {
    if (closed) {
      return;
    }
    if (!breaker.tryAcquirePermission()) {
      // Circuit open: poll the document (ETag) instead, then try the stream again later.
      ConfigFetcher.Result r = Fetching.fetchAndApply(fetcher, updates, false);
      if (r instanceof ConfigFetcher.Unauthorized) {
        stop();
        return;
      }
      schedule(this::connect, settings.pollInterval());
      return;
    }
    long gen = generation.incrementAndGet();
    connects.incrementAndGet();
    Request.Builder b =
        new Request.Builder()
            .url(settings.streamUrl())
            .header("Authorization", "Bearer " + settings.sdkKey())
            .header("Accept", "text/event-stream")
            .header("User-Agent", FfVersion.USER_AGENT);
    long version = updates.currentVersion();
    if (version > 0) {
      b.header("Last-Event-ID", Long.toString(version));
    }
    lastByteNanos = System.nanoTime();
    open = false;
    source = EventSources.createFactory(streamClient).newEventSource(b.build(), new Listener(gen));
  }

  private void checkHeartbeat() {
    if (closed || source == null) {
      return;
    }
    long silentMillis = (System.nanoTime() - lastByteNanos) / 1_000_000;
    if (silentMillis > settings.heartbeatTimeout().toMillis()) {
      LOG.log(Level.INFO, "ff: no byte on the stream for " + silentMillis + " ms, restarting it");
      updates.problem("stream silent for " + silentMillis + " ms; restarted");
      restart(!open);
    }
  }

  /** Drops the current stream (its callbacks are ignored from now on) and reconnects later. */
  private void restart(boolean countAsFailure) {
    generation.incrementAndGet();
    EventSource s = source;
    source = null;
    if (s != null) {
      s.cancel();
    }
    if (countAsFailure) {
      breaker.onError(0, TimeUnit.MILLISECONDS, new IOException("stream failed"));
    }
    if (!closed) {
      schedule(this::connect, backoff.next());
    }
  }

  private void schedule(Runnable r, Duration delay) {
    if (closed) {
      return;
    }
    try {
      executor.schedule(r, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // shutting down
    }
  }

  private void stop() {
    closed = true;
    ScheduledFuture<?> w = watchdog;
    if (w != null) {
      w.cancel(false);
    }
    generation.incrementAndGet();
    EventSource s = source;
    if (s != null) {
      s.cancel();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private final class Listener extends EventSourceListener {
    private final long gen;

    Listener(long gen) {
      this.gen = gen;
    }

    private boolean stale() {
      return closed || gen != generation.get();
    }

    @Override
    public void onOpen(EventSource eventSource, Response response) {
      if (stale()) {
        return;
      }
      open = true;
      breaker.onSuccess(0, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onEvent(EventSource eventSource, String id, String type, String data) {
      if (stale()) {
        return;
      }
      lastByteNanos = System.nanoTime();
      JsonNode json;
      try {
        json = Json.parse(data);
      } catch (IllegalArgumentException e) {
        updates.problem("unreadable " + type + " event: " + e.getMessage());
        return;
      }
      if ("config".equals(type)) {
        updates.offerDocument(json);
        backoff.reset();
      } else if ("patch".equals(type)) {
        DataSourceUpdates.Outcome o = updates.offerPatch(json);
        if (o == DataSourceUpdates.Outcome.NEEDS_FULL_DOCUMENT) {
          executor.execute(() -> Fetching.fetchAndApply(fetcher, updates, true));
        }
        backoff.reset();
      }
    }

    @Override
    public void onClosed(EventSource eventSource) {
      if (stale()) {
        return;
      }
      updates.problem("stream closed by the server");
      restart(false);
    }

    @Override
    public void onFailure(EventSource eventSource, Throwable t, Response response) {
      if (stale()) {
        return;
      }
      int code = response == null ? 0 : response.code();
      if (code == 401 || code == 403) {
        updates.stopped(true, "stream refused with " + code + "; not retrying");
        stop();
        return;
      }
      String what = code != 0 ? "stream answered " + code : "stream failed: " + t;
      updates.problem(what);
      // A stream that was open and then dropped is a normal event of long-lived connections; a
      // connect that fails (5xx, refused) counts against the circuit breaker.
      restart(!open);
    }
  }
}
