package dev.ff.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ff.core.document.KeyRing;
import dev.ff.core.document.SigningKey;
import dev.ff.core.eval.ErrorCode;
import dev.ff.core.eval.EvaluationResult;
import dev.ff.sdk.internal.ConfigFetcher;
import dev.ff.sdk.internal.ConfigState;
import dev.ff.sdk.internal.EventFactory;
import dev.ff.sdk.internal.EventProcessor;
import dev.ff.sdk.internal.ExposureDedup;
import dev.ff.sdk.internal.Hash64;
import dev.ff.sdk.internal.HttpSettings;
import dev.ff.sdk.internal.Json;
import dev.ff.sdk.internal.LazyHttpClient;
import dev.ff.sdk.internal.PollingDataSource;
import dev.ff.sdk.internal.Snapshot;
import dev.ff.sdk.internal.StreamingDataSource;
import dev.ff.sdk.internal.VariationKeys;
import dev.ff.sdk.spi.ConfigStore;
import dev.ff.sdk.spi.DataSource;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The ff client: evaluates flags in process on the latest verified config document.
 *
 * <pre>{@code
 * try (FfClient ff = FfClient.builder("ffs_...").envKey("production")
 *         .endpoint("https://flags.example.com").signingKey("k1", secret).build()) {
 *   ff.awaitInitialized(Duration.ofSeconds(5));
 *   boolean on = ff.boolVariation("new-checkout", Context.of("u-42"), false);
 * }
 * }</pre>
 *
 * <p>Evaluation never throws and never blocks: before the first config it returns the caller's
 * default with error code {@code NOT_READY}. One client per environment and process; it is
 * thread-safe.
 */
public final class FfClient implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.ff.sdk");
  private static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9_.-]{0,127}$");

  private final ConfigState state;
  private final DataSource dataSource;
  private final EventProcessor events;
  private final EventFactory eventFactory;
  private final VariationKeys variationKeys = new VariationKeys();
  private final ExposurePolicy exposurePolicy;
  private final ScheduledExecutorService executor;
  private final boolean ownsExecutor;
  private final LazyHttpClient http;
  private final ConfigStore store;
  private volatile boolean closed;

  /** Starts a client; {@code tls} is the builder's TLS settings already read, or null. */
  private FfClient(Builder b, Tls.Resolved tls) {
    this.store = b.store;
    this.state = new ConfigState(b.keyRing(), b.store, b.envKey);
    this.exposurePolicy = b.exposurePolicy;
    this.eventFactory = new EventFactory(b.clock);
    this.ownsExecutor = b.executor == null;
    this.executor = b.executor == null ? defaultExecutor() : b.executor;
    state.loadFromStore();
    if (b.bootstrap != null) {
      state.offerDocument(b.bootstrap);
    }
    if (b.mode == DataMode.OFFLINE) {
      this.http = null;
      this.dataSource = b.dataSource;
      this.events = null;
      if (dataSource == null) {
        state.finishOffline(b.bootstrap == null ? "offline without a bootstrap config" : "offline");
      }
    } else {
      this.http = new LazyHttpClient(() -> httpClient(b.timeout, tls));
      HttpSettings settings =
          new HttpSettings(
              b.sdkKey,
              b.envKey,
              b.endpoint,
              b.configPath,
              b.streamPath,
              b.pollInterval,
              b.heartbeatTimeout,
              b.backoffInitial,
              b.backoffMax,
              b.circuitOpen);
      ConfigFetcher fetcher = new ConfigFetcher(http, settings);
      if (b.dataSource != null) {
        this.dataSource = b.dataSource;
      } else if (b.mode == DataMode.POLLING) {
        this.dataSource = new PollingDataSource(fetcher, settings, executor);
      } else {
        this.dataSource = new StreamingDataSource(http.get(), fetcher, settings, executor);
      }
      this.events =
          b.eventsEnabled
              ? new EventProcessor(
                  new EventProcessor.Settings(
                      b.sdkKey,
                      eventsUrl(b.eventsEndpoint == null ? b.endpoint : b.eventsEndpoint),
                      b.eventCapacity,
                      b.flushBatchSize,
                      b.flushInterval,
                      b.eventMaxAttempts,
                      b.eventRetryInitial,
                      b.dedupCapacity),
                  http,
                  executor)
              : null;
    }
    if (dataSource != null) {
      dataSource.start(state);
    }
  }

  private static HttpUrl eventsUrl(HttpUrl base) {
    String s = base.toString();
    return HttpUrl.get((s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + "/events");
  }

  private static ScheduledExecutorService defaultExecutor() {
    AtomicInteger n = new AtomicInteger();
    ScheduledThreadPoolExecutor e =
        new ScheduledThreadPoolExecutor(
            2,
            r -> {
              Thread t = new Thread(r, "ff-sdk-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    e.setRemoveOnCancelPolicy(true);
    return Executors.unconfigurableScheduledExecutorService(e);
  }

  /**
   * Starts a builder.
   *
   * @param sdkKey the SDK token ({@code ffs_...}); may be null only in offline mode
   * @return the builder
   */
  public static Builder builder(String sdkKey) {
    return new Builder(sdkKey);
  }

  // ---------------------------------------------------------------- evaluation

  /**
   * Evaluates a flag (untyped: the flag's value whatever the default's type).
   *
   * @param flagKey the flag
   * @param context the context
   * @param defaultValue the value on error (null: JSON null)
   * @return the detail; never null, never throws
   */
  public EvaluationDetail variation(String flagKey, Context context, JsonNode defaultValue) {
    return EvaluationDetail.of(
        evaluate(flagKey, context, Kind.UNTYPED, defaultValue, Exposure.BY_POLICY));
  }

  /**
   * Evaluates a flag for a context given as a map ({@code "key"} is the unit key).
   *
   * @param flagKey the flag
   * @param context the attributes
   * @param defaultValue the value on error
   * @return the detail
   */
  public EvaluationDetail variation(
      String flagKey, Map<String, Object> context, JsonNode defaultValue) {
    Context c;
    try {
      c = context == null ? null : Context.fromMap(context);
    } catch (RuntimeException e) {
      return EvaluationDetail.of(
          EvaluationResult.error(
              flagKey, defaultValue, ErrorCode.INVALID_CONTEXT, state.currentVersion()));
    }
    return variation(flagKey, c, defaultValue);
  }

  /**
   * A boolean flag's detail; a non-boolean flag gives {@code TYPE_MISMATCH}.
   *
   * @param flagKey the flag
   * @param context the context
   * @param defaultValue the value on error
   * @return the detail
   */
  public EvaluationDetail boolVariationDetail(
      String flagKey, Context context, boolean defaultValue) {
    return EvaluationDetail.of(evaluateBoolean(flagKey, context, defaultValue));
  }

  /**
   * A boolean flag's value. Allocates nothing once the exposure (when one is recorded) was seen.
   *
   * @param flagKey the flag
   * @param context the context
   * @param defaultValue the value on error
   * @return the value
   */
  public boolean boolVariation(String flagKey, Context context, boolean defaultValue) {
    JsonNode v = evaluateBoolean(flagKey, context, defaultValue).value();
    return v.isBoolean() ? v.booleanValue() : defaultValue;
  }

  /**
   * A boolean flag's value for a map context.
   *
   * @param flagKey the flag
   * @param context the attributes
   * @param defaultValue the value on error
   * @return the value
   */
  public boolean boolVariation(String flagKey, Map<String, Object> context, boolean defaultValue) {
    JsonNode v = variation(flagKey, context, BooleanNode.valueOf(defaultValue)).value();
    return v.isBoolean() ? v.booleanValue() : defaultValue;
  }

  /**
   * Whether a boolean flag is on (default false).
   *
   * @param flagKey the flag
   * @param context the context
   * @return the value, false on any error
   */
  public boolean isEnabled(String flagKey, Context context) {
    return boolVariation(flagKey, context, false);
  }

  /**
   * A string flag's detail; a flag serving non-strings gives {@code TYPE_MISMATCH}.
   *
   * @param flagKey the flag
   * @param context the context
   * @param defaultValue the value on error
   * @return the detail
   */
  public EvaluationDetail stringVariationDetail(
      String flagKey, Context context, String defaultValue) {
    return EvaluationDetail.of(evaluateString(flagKey, context, defaultValue));
  }

  /**
   * A string flag's value. Allocates nothing once the exposure (when one is recorded) was seen.
   *
   * @param flagKey the flag
   * @param context the context
   * @param defaultValue the value on error
   * @return the value
   */
  public String stringVariation(String flagKey, Context context, String defaultValue) {
    JsonNode v = evaluateString(flagKey, context, defaultValue).value();
    return v.isTextual() ? v.textValue() : defaultValue;
  }

  /**
   * A number flag's detail; a served value that is not a number gives {@code TYPE_MISMATCH}.
   *
   * @param flagKey the flag
   * @param context the context
   * @param defaultValue the value on error
   * @return the detail
   */
  public EvaluationDetail numberVariationDetail(
      String flagKey, Context context, double defaultValue) {
    EvaluationResult r = evaluate(flagKey, context, Kind.NUMBER, null, Exposure.BY_POLICY);
    if (r.isError()) {
      r =
          EvaluationResult.error(
              r.flag(), DoubleNode.valueOf(defaultValue), r.errorCode(), r.configVersion());
    }
    return EvaluationDetail.of(r);
  }

  /**
   * A number flag's value.
   *
   * @param flagKey the flag
   * @param context the context
   * @param defaultValue the value on error
   * @return the value
   */
  public double numberVariation(String flagKey, Context context, double defaultValue) {
    EvaluationResult r = evaluate(flagKey, context, Kind.NUMBER, null, Exposure.BY_POLICY);
    return !r.isError() && r.value().isNumber() ? r.value().doubleValue() : defaultValue;
  }

  /**
   * A JSON flag's value (any flag's value, untyped).
   *
   * @param flagKey the flag
   * @param context the context
   * @param defaultValue the value on error
   * @return the value (read-only)
   */
  public JsonNode jsonVariation(String flagKey, Context context, JsonNode defaultValue) {
    return evaluate(flagKey, context, Kind.UNTYPED, defaultValue, Exposure.BY_POLICY).value();
  }

  /**
   * Every flag of the config for one context; records no exposures.
   *
   * @param context the context
   * @return flag key → detail, in the document's order; empty before the first config
   */
  public Map<String, EvaluationDetail> allFlags(Context context) {
    Snapshot s = state.current();
    if (s == null) {
      return Map.of();
    }
    Map<String, EvaluationDetail> all = new LinkedHashMap<>();
    for (String flag : s.config().flagKeys()) {
      all.put(
          flag, EvaluationDetail.of(evaluate(flag, context, Kind.UNTYPED, null, Exposure.NONE)));
    }
    return Collections.unmodifiableMap(all);
  }

  private enum Kind {
    UNTYPED,
    BOOLEAN,
    STRING,
    NUMBER
  }

  /** Whether an evaluation records an exposure. */
  private enum Exposure {
    /** Never ({@link #allFlags}). */
    NONE,
    /** As the {@link ExposurePolicy} says. */
    BY_POLICY,
    /** Whatever the policy ({@link #trackExposure}). */
    ALWAYS
  }

  /**
   * {@link #evaluate} for a boolean flag, specialised: a small method of its own that the JIT
   * compiles (and inlines into the caller) with a profile of boolean calls only. Measured: the peer
   * comparison's S1 at 106.4 ± 1.5 ns/op with it, 123.3 ± 10.9 with {@code boolVariation} going
   * through {@link #evaluate} (six forks each, docs/performance.md §5).
   */
  private EvaluationResult evaluateBoolean(String flagKey, Context context, boolean def) {
    Snapshot s = state.current();
    if (s == null || flagKey == null) {
      return evaluate(flagKey, context, Kind.BOOLEAN, Boolean.valueOf(def), Exposure.BY_POLICY);
    }
    EvaluationResult r;
    try {
      r = s.config().evaluateBoolean(flagKey, context == null ? null : context.json(), def);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ff: evaluation of " + flagKey + " failed", e);
      r = EvaluationResult.error(flagKey, BooleanNode.valueOf(def), ErrorCode.GENERAL, s.version());
    }
    track(s, r, context, Exposure.BY_POLICY);
    return r;
  }

  /** {@link #evaluate} for a string flag, specialised like {@link #evaluateBoolean}. */
  private EvaluationResult evaluateString(String flagKey, Context context, String def) {
    Snapshot s = state.current();
    if (s == null || flagKey == null) {
      return evaluate(flagKey, context, Kind.STRING, def, Exposure.BY_POLICY);
    }
    EvaluationResult r;
    try {
      r = s.config().evaluateString(flagKey, context == null ? null : context.json(), def);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ff: evaluation of " + flagKey + " failed", e);
      r = EvaluationResult.error(flagKey, TextNode.valueOf(def), ErrorCode.GENERAL, s.version());
    }
    track(s, r, context, Exposure.BY_POLICY);
    return r;
  }

  /**
   * Evaluates on the config in use and records the exposure, allocating nothing on success but what
   * a new exposure needs. {@code def} is the caller's default: a {@link JsonNode} or null (untyped,
   * number), a {@link Boolean} (boolean) or a {@link String} (string); it becomes a node only on
   * the error path.
   */
  private EvaluationResult evaluate(
      String flagKey, Context context, Kind kind, Object def, Exposure exposure) {
    Snapshot s = state.current();
    if (s == null) {
      return EvaluationResult.error(flagKey, node(def), ErrorCode.NOT_READY, 0);
    }
    EvaluationResult r;
    try {
      r = evaluateOn(s, flagKey, context == null ? null : context.json(), def, kind);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ff: evaluation of " + flagKey + " failed", e);
      r = EvaluationResult.error(flagKey, node(def), ErrorCode.GENERAL, s.version());
    }
    track(s, r, context, exposure);
    return r;
  }

  /**
   * Records the exposure of a successful result when the exposure mode (and policy) asks for one: a
   * repeat on the same context object is only counted, anything else goes to {@link
   * #recordExposure(Snapshot, EvaluationResult, Context)}.
   */
  private void track(Snapshot s, EvaluationResult r, Context context, Exposure exposure) {
    if (events != null
        && !r.isError()
        && (exposure == Exposure.ALWAYS || (exposure == Exposure.BY_POLICY && exposes(r)))
        && context != null
        && context.key() != null) {
      if (context.exposureMemoIs(r)) {
        events.countDeduplicated(); // this context object's last exposure: a repeat
      } else {
        recordExposure(s, r, context);
      }
    }
  }

  private boolean exposes(EvaluationResult r) {
    return exposurePolicy == ExposurePolicy.ALL
        || (exposurePolicy == ExposurePolicy.EXPERIMENTS_ONLY && r.inExperiment());
  }

  private static JsonNode node(Object def) {
    if (def instanceof Boolean b) {
      return BooleanNode.valueOf(b);
    }
    if (def instanceof String t) {
      return TextNode.valueOf(t);
    }
    return (JsonNode) def;
  }

  private static EvaluationResult evaluateOn(
      Snapshot s, String flagKey, JsonNode ctx, Object def, Kind kind) {
    if (flagKey == null) {
      return EvaluationResult.error(null, node(def), ErrorCode.FLAG_NOT_FOUND, s.version());
    }
    JsonNode context = ctx == null ? NullNode.getInstance() : ctx;
    switch (kind) {
      case BOOLEAN:
        return s.config().evaluateBoolean(flagKey, context, (Boolean) def);
      case STRING:
        return s.config().evaluateString(flagKey, context, (String) def);
      case NUMBER:
        EvaluationResult r = s.config().evaluate(flagKey, context, (JsonNode) def);
        if (!r.isError() && !r.value().isNumber()) {
          return EvaluationResult.error(
              flagKey, (JsonNode) def, ErrorCode.TYPE_MISMATCH, r.configVersion());
        }
        return r;
      default:
        return s.config().evaluate(flagKey, context, (JsonNode) def);
    }
  }

  /**
   * Evaluates a flag's raw JSON context (used by the conformance tests and the OpenFeature
   * provider): any JSON value is accepted as the context, as the contract allows.
   *
   * @param flagKey the flag
   * @param context any JSON value
   * @param defaultValue the default, or null for none
   * @param call {@code "boolean"}, {@code "string"}, {@code "number"} or anything else (untyped)
   * @return the detail
   */
  public EvaluationDetail evaluateJson(
      String flagKey, JsonNode context, JsonNode defaultValue, String call) {
    Snapshot s = state.current();
    if (s == null) {
      return EvaluationDetail.of(
          EvaluationResult.error(flagKey, defaultValue, ErrorCode.NOT_READY, 0));
    }
    Kind kind =
        switch (call == null ? "" : call) {
          case "boolean" -> Kind.BOOLEAN;
          case "string" -> Kind.STRING;
          case "number" -> Kind.NUMBER;
          default -> Kind.UNTYPED;
        };
    EvaluationResult r;
    try {
      Object def =
          switch (kind) {
            case BOOLEAN -> Boolean.valueOf(defaultValue.booleanValue());
            case STRING -> defaultValue.textValue();
            default -> defaultValue;
          };
      r = evaluateOn(s, flagKey, context, def, kind);
    } catch (RuntimeException e) {
      r = EvaluationResult.error(flagKey, defaultValue, ErrorCode.GENERAL, s.version());
    }
    if (!r.isError()
        && events != null
        && context instanceof ObjectNode o
        && o.path("key").isTextual()
        && exposes(r)) {
      recordExposure(s, r, o, o.get("key").textValue());
    }
    return EvaluationDetail.of(r);
  }

  private static OkHttpClient httpClient(Duration timeout, Tls.Resolved tls) {
    OkHttpClient.Builder http =
        new OkHttpClient.Builder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(Duration.ZERO);
    if (tls != null) {
      http.sslSocketFactory(tls.socketFactory(), tls.trustManager());
    }
    return http.build();
  }

  // ---------------------------------------------------------------- events

  /**
   * Records an exposure unless this unit, flag and variation was already exposed in the session:
   * the second level of dedup, the session's {@link ExposureDedup} table of fingerprints (the first
   * is the context object's memo, checked by the callers: a repeat on the same object compares one
   * reference of an object the evaluation has just read). Only a new exposure builds an event; the
   * context then remembers the result.
   */
  private void recordExposure(Snapshot s, EvaluationResult r, Context context) {
    try {
      if (events.firstExposure(Hash64.exposure(context.keyFingerprint(), variationKeys.of(r)))) {
        offerExposure(s, r, context.json(), context.key());
      }
      context.rememberExposure(r);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ff: exposure not recorded", e);
    }
  }

  /** Records an exposure for a raw JSON context (no context object to remember it on). */
  private void recordExposure(Snapshot s, EvaluationResult r, JsonNode ctx, String unit) {
    try {
      long fingerprint = Hash64.exposure(Hash64.of(unit), variationKeys.of(r));
      if (events.firstExposure(fingerprint)) {
        offerExposure(s, r, ctx.deepCopy(), unit); // the caller keeps (and may change) ctx
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ff: exposure not recorded", e);
    }
  }

  /**
   * Queues an exposure event, built later on the event processor's thread ({@link
   * dev.ff.sdk.internal.PendingEvent}); with the queue full, only counts it as dropped. {@code ctx}
   * must not change afterwards (a {@link Context}'s tree does not; a caller's raw tree is copied).
   */
  private void offerExposure(Snapshot s, EvaluationResult r, JsonNode ctx, String unit) {
    if (events.hasRoom()) {
      Instant at = eventFactory.now();
      events.offer(() -> eventFactory.exposure(s, r, ctx, unit, at));
    } else {
      events.countDropped(1);
    }
  }

  /**
   * Evaluates a flag and records an exposure for it whatever the {@link ExposurePolicy} (still once
   * per unit, flag and variation).
   *
   * @param flagKey the flag
   * @param context the context (needs a key)
   * @return the detail
   */
  public EvaluationDetail trackExposure(String flagKey, Context context) {
    return EvaluationDetail.of(evaluate(flagKey, context, Kind.UNTYPED, null, Exposure.ALWAYS));
  }

  /**
   * Records a metric value for a unit (e.g. revenue). Never throws: a bad metric key, a context
   * without a key, no config yet (no salt to hash with) or a full queue drop the event (counted).
   *
   * @param metricKey the metric key
   * @param context the unit (its key is hashed)
   * @param value the value (1 for a conversion)
   */
  public void trackMetric(String metricKey, Context context, double value) {
    if (events == null) {
      return;
    }
    Snapshot s = state.current();
    if (s == null
        || metricKey == null
        || !KEY.matcher(metricKey).matches()
        || context == null
        || context.key() == null
        || !Double.isFinite(value)) {
      events.countDropped(1);
      return;
    }
    try {
      Instant at = eventFactory.now();
      String unit = context.key();
      events.offer(() -> eventFactory.metric(s, metricKey, value, unit, at));
    } catch (RuntimeException e) {
      events.countDropped(1);
    }
  }

  /** Starts sending queued events now (asynchronously). */
  public void flush() {
    if (events != null) {
      events.flush();
    }
  }

  /**
   * The event counters.
   *
   * @return sent, dropped… (all zero when events are off)
   */
  public EventStats eventStats() {
    return events == null ? new EventStats(0, 0, 0, 0) : events.stats();
  }

  // ---------------------------------------------------------------- status and listeners

  /**
   * Waits until a config is in use or the client cannot get one.
   *
   * @param timeout the longest wait
   * @return {@code READY}, or why not ({@code TIMEOUT}, {@code UNAUTHORIZED}, {@code
   *     INVALID_SIGNATURE}, {@code NO_BOOTSTRAP}…)
   */
  public InitStatus awaitInitialized(Duration timeout) {
    return state.await(Objects.requireNonNull(timeout, "timeout"));
  }

  /**
   * The status now, without waiting.
   *
   * @return the status
   */
  public InitStatus status() {
    return state.status();
  }

  /**
   * The version of the config in use.
   *
   * @return the version, 0 before the first config
   */
  public long configVersion() {
    return state.currentVersion();
  }

  /**
   * How many documents or patches were refused (bad signature, invalid) since start; the last good
   * config stayed in use each time.
   *
   * @return the count
   */
  public long rejectedConfigs() {
    return state.rejectedCount();
  }

  /**
   * Listens to changes of one flag.
   *
   * @param flagKey the flag
   * @param listener called on a background thread after the new config is in use
   * @return closes the subscription
   */
  public Subscription onChange(String flagKey, FlagChangeListener listener) {
    Runnable remove =
        state.addFlagListener(
            Objects.requireNonNull(flagKey, "flagKey"), Objects.requireNonNull(listener));
    return remove::run;
  }

  /**
   * Listens to changes of any flag (one call per changed flag).
   *
   * @param listener the listener
   * @return closes the subscription
   */
  public Subscription onAnyChange(FlagChangeListener listener) {
    Runnable remove = state.addAnyListener(Objects.requireNonNull(listener));
    return remove::run;
  }

  /**
   * Listens to every new config (once per config, even when no flag changed).
   *
   * @param listener the listener
   * @return closes the subscription
   */
  public Subscription onConfig(Runnable listener) {
    Runnable remove = state.addConfigListener(Objects.requireNonNull(listener));
    return remove::run;
  }

  /**
   * The data source (for diagnostics).
   *
   * @return the source, or null in offline mode
   */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Stops the data source, sends the queued events (one attempt) and releases threads and
   * connections. Evaluations keep working on the last config.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (dataSource != null) {
      dataSource.close();
    }
    if (events != null) {
      events.close();
    }
    state.close();
    if (ownsExecutor) {
      executor.shutdownNow();
    }
    if (http != null) {
      http.shutdown();
    }
    if (store != null) {
      try {
        store.close();
      } catch (RuntimeException e) {
        LOG.log(Level.DEBUG, "ff: store close failed", e);
      }
    }
  }

  // ---------------------------------------------------------------- builder

  /**
   * Settings of a client; {@link #build()} checks them all and fails fast with an {@link
   * IllegalArgumentException} naming the bad one.
   */
  public static final class Builder {
    /** The control plane's config path (the default). */
    public static final String CONTROL_CONFIG_PATH = "/v1/configs/{envKey}";

    /** The control plane's stream path (the default). */
    public static final String CONTROL_STREAM_PATH = "/v1/configs/{envKey}/stream";

    /** The edge server's config path. */
    public static final String EDGE_CONFIG_PATH = "/configs/{envKey}";

    /** The edge server's stream path. */
    public static final String EDGE_STREAM_PATH = "/stream/{envKey}";

    private final String sdkKey;
    private String envKey;
    private String endpointText = "http://127.0.0.1:8080";
    private HttpUrl endpoint;
    private String configPath = CONTROL_CONFIG_PATH;
    private String streamPath = CONTROL_STREAM_PATH;
    private JsonNode bootstrap;
    private RuntimeException bootstrapError;
    private DataMode mode = DataMode.STREAMING;
    private Duration pollInterval = Duration.ofSeconds(30);
    private Duration timeout = Duration.ofSeconds(10);
    private Tls tls;
    private Duration heartbeatTimeout = Duration.ofSeconds(45);
    private Duration backoffInitial = Duration.ofSeconds(1);
    private Duration backoffMax = Duration.ofSeconds(30);
    private Duration circuitOpen = Duration.ofSeconds(30);
    private final Map<String, byte[]> keys = new LinkedHashMap<>();
    private boolean eventsEnabled = true;
    private String eventsEndpointText;
    private HttpUrl eventsEndpoint;
    private Duration flushInterval = Duration.ofSeconds(5);
    private int eventCapacity = 10_000;
    private int flushBatchSize = 500;
    private int eventMaxAttempts = 3;
    private Duration eventRetryInitial = Duration.ofSeconds(1);
    private int dedupCapacity = 100_000;
    private ExposurePolicy exposurePolicy = ExposurePolicy.EXPERIMENTS_ONLY;
    private ScheduledExecutorService executor;
    private Clock clock = Clock.systemUTC();
    private ConfigStore store;
    private DataSource dataSource;

    private Builder(String sdkKey) {
      this.sdkKey = sdkKey;
    }

    /**
     * The environment key (required unless offline).
     *
     * @param value e.g. {@code production}
     * @return this
     */
    public Builder envKey(String value) {
      this.envKey = value;
      return this;
    }

    /**
     * The base URL of the control plane or an edge server (default {@code http://127.0.0.1:8080}).
     *
     * @param value an http(s) URL
     * @return this
     */
    public Builder endpoint(String value) {
      this.endpointText = value;
      return this;
    }

    /**
     * The config path template; {@code {envKey}} is replaced (default {@link
     * #CONTROL_CONFIG_PATH}).
     *
     * @param value a path starting with {@code /}
     * @return this
     */
    public Builder configPath(String value) {
      this.configPath = value;
      return this;
    }

    /**
     * The stream path template (default {@link #CONTROL_STREAM_PATH}).
     *
     * @param value a path starting with {@code /}
     * @return this
     */
    public Builder streamPath(String value) {
      this.streamPath = value;
      return this;
    }

    /**
     * Uses an edge server's paths ({@link #EDGE_CONFIG_PATH}, {@link #EDGE_STREAM_PATH}).
     *
     * @return this
     */
    public Builder edgePaths() {
      this.configPath = EDGE_CONFIG_PATH;
      this.streamPath = EDGE_STREAM_PATH;
      return this;
    }

    /**
     * A config document to start with (offline mode, or before the network answers). Verified like
     * every other document when signing keys are given.
     *
     * @param json the document's JSON text
     * @return this
     */
    public Builder bootstrapConfig(String json) {
      try {
        this.bootstrap = Json.parse(Objects.requireNonNull(json, "json"));
        this.bootstrapError = null;
      } catch (RuntimeException e) {
        this.bootstrapError = new IllegalArgumentException("bootstrapConfig: " + e.getMessage());
      }
      return this;
    }

    /**
     * A config document to start with, as a tree.
     *
     * @param document the document
     * @return this
     */
    public Builder bootstrapConfig(JsonNode document) {
      this.bootstrap = Objects.requireNonNull(document, "document").deepCopy();
      this.bootstrapError = null;
      return this;
    }

    /**
     * A config document file to start with.
     *
     * @param file the JSON file
     * @return this
     */
    public Builder bootstrapConfig(Path file) {
      try {
        return bootstrapConfig(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        this.bootstrapError =
            new IllegalArgumentException("bootstrapConfig: cannot read " + file + ": " + e);
        return this;
      }
    }

    /**
     * Streaming on (the default) or off (polling only).
     *
     * @param on true to stream
     * @return this
     */
    public Builder stream(boolean on) {
      if (mode != DataMode.OFFLINE) {
        this.mode = on ? DataMode.STREAMING : DataMode.POLLING;
      }
      return this;
    }

    /**
     * Offline mode: the bootstrap config only, no network at all, no events.
     *
     * @param on true for offline
     * @return this
     */
    public Builder offline(boolean on) {
      this.mode = on ? DataMode.OFFLINE : DataMode.STREAMING;
      return this;
    }

    /**
     * The data mode.
     *
     * @param value the mode
     * @return this
     */
    public Builder mode(DataMode value) {
      this.mode = Objects.requireNonNull(value, "mode");
      return this;
    }

    /**
     * The polling period (polling mode, and while the stream's circuit breaker is open); default 30
     * s.
     *
     * @param value at least 100 ms
     * @return this
     */
    public Builder pollInterval(Duration value) {
      this.pollInterval = value;
      return this;
    }

    /**
     * Connect / read / write timeout of HTTP requests; default 10 s.
     *
     * @param value positive
     * @return this
     */
    public Builder timeout(Duration value) {
      this.timeout = value;
      return this;
    }

    /**
     * How HTTPS connections are secured: a private CA to trust, a client certificate for mutual
     * TLS, or the application's own context. Default: the JVM's trust store, no client certificate.
     * The files are read by {@link #build()}.
     *
     * @param value the TLS settings
     * @return this
     */
    public Builder tls(Tls value) {
      this.tls = Objects.requireNonNull(value, "tls");
      return this;
    }

    /**
     * Restart the stream after this long without a byte (the server pings at least every 15 s);
     * default 45 s.
     *
     * @param value positive
     * @return this
     */
    public Builder heartbeatTimeout(Duration value) {
      this.heartbeatTimeout = value;
      return this;
    }

    /**
     * Reconnect backoff: exponential from {@code initial} up to {@code max}, with jitter; default 1
     * s … 30 s.
     *
     * @param initial the first delay
     * @param max the cap
     * @return this
     */
    public Builder reconnectBackoff(Duration initial, Duration max) {
      this.backoffInitial = initial;
      this.backoffMax = max;
      return this;
    }

    /**
     * How long the stream's circuit breaker stays open (polling meanwhile); default 30 s.
     *
     * @param value positive
     * @return this
     */
    public Builder circuitOpenDuration(Duration value) {
      this.circuitOpen = value;
      return this;
    }

    /**
     * Adds a signing key. With at least one key every document must carry a valid signature by one
     * of them; without keys unsigned documents are accepted (and signatures not checked).
     *
     * @param kid the key id
     * @param secret the HMAC secret
     * @return this
     */
    public Builder signingKey(String kid, byte[] secret) {
      keys.put(kid, secret == null ? null : secret.clone());
      return this;
    }

    /**
     * Adds a signing key given as UTF-8 text.
     *
     * @param kid the key id
     * @param secret the secret
     * @return this
     */
    public Builder signingKey(String kid, String secret) {
      return signingKey(kid, secret == null ? null : secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Events on (the default) or off.
     *
     * @param on true to send events
     * @return this
     */
    public Builder events(boolean on) {
      this.eventsEnabled = on;
      return this;
    }

    /**
     * The base URL events are posted to ({@code POST {value}/events}); default: the endpoint.
     *
     * @param value an http(s) URL
     * @return this
     */
    public Builder eventsEndpoint(String value) {
      this.eventsEndpointText = value;
      return this;
    }

    /**
     * How often queued events are sent; default 5 s.
     *
     * @param value positive
     * @return this
     */
    public Builder flushInterval(Duration value) {
      this.flushInterval = value;
      return this;
    }

    /**
     * The event queue's bound (a full queue drops events); default 10000.
     *
     * @param value positive
     * @return this
     */
    public Builder eventCapacity(int value) {
      this.eventCapacity = value;
      return this;
    }

    /**
     * Events per request; default 500.
     *
     * @param value positive
     * @return this
     */
    public Builder flushBatchSize(int value) {
      this.flushBatchSize = value;
      return this;
    }

    /**
     * Retries of a failing batch: {@code attempts} in all, the first retry after {@code initial},
     * doubling; then the batch is dropped and counted. Default 3 attempts from 1 s.
     *
     * @param attempts at least 1
     * @param initial positive
     * @return this
     */
    public Builder eventRetries(int attempts, Duration initial) {
      this.eventMaxAttempts = attempts;
      this.eventRetryInitial = initial;
      return this;
    }

    /**
     * How many (unit, flag, variation) exposures the session remembers to send each once; default
     * 100000. The memory is allocated at start: a table of 64-bit fingerprints with 2 to 4 slots
     * per remembered exposure (16 to 32 bytes; 2 MiB for the default). Beyond the capacity older
     * entries are overwritten: a forgotten exposure is sent again (a duplicate), never lost.
     *
     * @param value 1..16777216 ({@code 2^24})
     * @return this
     */
    public Builder exposureDedupCapacity(int value) {
      this.dedupCapacity = value;
      return this;
    }

    /**
     * Which evaluations record exposures; default {@link ExposurePolicy#EXPERIMENTS_ONLY}.
     *
     * @param value the policy
     * @return this
     */
    public Builder exposurePolicy(ExposurePolicy value) {
      this.exposurePolicy = value;
      return this;
    }

    /**
     * The executor of background work (reconnects, polls, watchdog, flushes); default: two daemon
     * threads owned (and shut down) by the client. A given executor is not shut down.
     *
     * @param value the executor
     * @return this
     */
    public Builder executor(ScheduledExecutorService value) {
      this.executor = value;
      return this;
    }

    /**
     * The clock of event timestamps.
     *
     * @param value the clock
     * @return this
     */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /**
     * Where the last verified document is kept (e.g. {@code RedisConfigStore}); default none.
     *
     * @param value the store
     * @return this
     */
    public Builder store(ConfigStore value) {
      this.store = value;
      return this;
    }

    /**
     * A custom data source instead of the built-in ones.
     *
     * @param value the source
     * @return this
     */
    public Builder dataSource(DataSource value) {
      this.dataSource = value;
      return this;
    }

    KeyRing keyRing() {
      if (keys.isEmpty()) {
        return null;
      }
      return KeyRing.of(
          keys.entrySet().stream()
              .map(e -> new SigningKey(e.getKey(), e.getValue()))
              .toArray(SigningKey[]::new));
    }

    private static HttpUrl url(String name, String text) {
      HttpUrl u = text == null ? null : HttpUrl.parse(text);
      if (u == null) {
        throw new IllegalArgumentException(name + " must be an http(s) URL, got " + text);
      }
      return u;
    }

    private static void positive(String name, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
      }
    }

    private static void positive(String name, int n) {
      if (n <= 0) {
        throw new IllegalArgumentException(name + " must be positive, got " + n);
      }
    }

    private static void path(String name, String p) {
      if (p == null || !p.startsWith("/") || p.contains("?") || p.contains("#")) {
        throw new IllegalArgumentException(name + " must be a path starting with '/', got " + p);
      }
    }

    /**
     * Checks every setting and starts the client (its data source connects in the background).
     *
     * @return the client
     * @throws IllegalArgumentException on a bad setting
     */
    public FfClient build() {
      if (bootstrapError != null) {
        throw bootstrapError;
      }
      boolean offline = mode == DataMode.OFFLINE;
      if (!offline) {
        if (sdkKey == null || sdkKey.isBlank()) {
          throw new IllegalArgumentException("sdkKey is required unless offline");
        }
        if (envKey == null || !KEY.matcher(envKey).matches()) {
          throw new IllegalArgumentException("envKey must be a valid key, got " + envKey);
        }
      } else if (envKey != null && !KEY.matcher(envKey).matches()) {
        throw new IllegalArgumentException("envKey must be a valid key, got " + envKey);
      }
      endpoint = url("endpoint", endpointText);
      eventsEndpoint =
          eventsEndpointText == null ? null : url("eventsEndpoint", eventsEndpointText);
      path("configPath", configPath);
      path("streamPath", streamPath);
      positive("pollInterval", pollInterval);
      if (pollInterval.toMillis() < 100) {
        throw new IllegalArgumentException("pollInterval must be at least 100 ms");
      }
      positive("timeout", timeout);
      positive("heartbeatTimeout", heartbeatTimeout);
      positive("reconnectBackoff initial", backoffInitial);
      positive("reconnectBackoff max", backoffMax);
      if (backoffMax.compareTo(backoffInitial) < 0) {
        throw new IllegalArgumentException("reconnectBackoff max must be >= initial");
      }
      positive("circuitOpenDuration", circuitOpen);
      positive("flushInterval", flushInterval);
      positive("eventCapacity", eventCapacity);
      positive("flushBatchSize", flushBatchSize);
      positive("eventRetries attempts", eventMaxAttempts);
      positive("eventRetries initial", eventRetryInitial);
      positive("exposureDedupCapacity", dedupCapacity);
      if (dedupCapacity > ExposureDedup.MAX_CAPACITY) {
        throw new IllegalArgumentException(
            "exposureDedupCapacity must be at most " + ExposureDedup.MAX_CAPACITY);
      }
      Objects.requireNonNull(exposurePolicy, "exposurePolicy");
      Objects.requireNonNull(clock, "clock");
      for (Map.Entry<String, byte[]> k : keys.entrySet()) {
        if (k.getKey() == null || k.getKey().isEmpty()) {
          throw new IllegalArgumentException("signing key id must not be empty");
        }
        if (k.getValue() == null || k.getValue().length == 0) {
          throw new IllegalArgumentException("signing key '" + k.getKey() + "' has no secret");
        }
      }
      try {
        keyRing();
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("signing keys: " + e.getMessage(), e);
      }
      if (executor != null && executor.isShutdown()) {
        throw new IllegalArgumentException("executor is shut down");
      }
      return new FfClient(this, tls == null || offline ? null : tls.resolve());
    }
  }
}
