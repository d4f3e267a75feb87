package dev.ff.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.ConfigLoader;
import dev.ff.core.document.ConfigPatches;
import dev.ff.core.document.KeyRing;
import dev.ff.core.document.PatchException;
import dev.ff.sdk.FlagChangeEvent;
import dev.ff.sdk.FlagChangeListener;
import dev.ff.sdk.InitStatus;
import dev.ff.sdk.spi.ConfigStore;
import dev.ff.sdk.spi.DataSourceUpdates;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The config in use and everything that changes it: verification (every document, every patch), the
 * last-good rule, the store, the init status and the change listeners.
 */
public final class ConfigState implements DataSourceUpdates {
  private static final System.Logger LOG = System.getLogger("dev.ff.sdk");

  private final KeyRing keys;
  private final ConfigStore store;
  private final String envKey;
  private volatile Snapshot current;
  private volatile InitStatus failure; // terminal or last transient problem
  private volatile InitStatus.State lastProblemState;
  private volatile String lastProblem;
  private volatile String lastRejection;
  private final CompletableFuture<Void> initDone = new CompletableFuture<>();
  private final Map<String, List<FlagChangeListener>> flagListeners = new ConcurrentHashMap<>();
  private final List<FlagChangeListener> anyListeners = new CopyOnWriteArrayList<>();
  private final List<Runnable> configListeners = new CopyOnWriteArrayList<>();
  private final AtomicLong rejected = new AtomicLong();

  /**
   * The state.
   *
   * @param keys keys every document must verify against, or null to accept unsigned documents
   * @param store where verified documents are kept, or null
   * @param envKey the environment key (store key), or null
   */
  public ConfigState(KeyRing keys, ConfigStore store, String envKey) {
    this.keys = keys;
    this.store = store;
    this.envKey = envKey;
  }

  /**
   * The config in use.
   *
   * @return the snapshot, or null before the first config
   */
  public Snapshot current() {
    return current;
  }

  /**
   * How many documents or patches were refused.
   *
   * @return the count
   */
  public long rejectedCount() {
    return rejected.get();
  }

  @Override
  public long currentVersion() {
    Snapshot s = current;
    return s == null ? 0 : s.version();
  }

  /** Loads the store's document, if any (verified like any other). */
  public void loadFromStore() {
    if (store == null || envKey == null) {
      return;
    }
    try {
      store.get(envKey).ifPresent(text -> offer(Json.parse(text), false));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ff: config store read failed: " + e);
    }
  }

  @Override
  public Outcome offerDocument(JsonNode document) {
    return offer(document, true);
  }

  private synchronized Outcome offer(JsonNode document, boolean persist) {
    if (!(document instanceof ObjectNode doc)) {
      return reject(InitStatus.State.INVALID_CONFIG, "config document is not a JSON object");
    }
    JsonNode v = doc.get("version");
    Snapshot cur = current;
    if (cur != null && v != null && v.canConvertToLong() && v.asLong() <= cur.version()) {
      return Outcome.STALE;
    }
    ConfigLoader.Result result;
    try {
      result = ConfigLoader.load(doc, keys);
    } catch (RuntimeException e) {
      return reject(InitStatus.State.INVALID_CONFIG, "config document refused: " + e);
    }
    if (result instanceof ConfigLoader.Unverified u) {
      return reject(InitStatus.State.INVALID_SIGNATURE, "signature refused: " + u.reason());
    }
    if (result instanceof ConfigLoader.Invalid inv) {
      return reject(
          InitStatus.State.INVALID_CONFIG,
          "invalid config document: " + inv.diagnostics().stream().limit(3).toList());
    }
    Snapshot next = new Snapshot(doc, ((ConfigLoader.Loaded) result).config());
    install(next, persist);
    return Outcome.APPLIED;
  }

  @Override
  public synchronized Outcome offerPatch(JsonNode patch) {
    Snapshot cur = current;
    if (cur == null || patch == null) {
      return Outcome.NEEDS_FULL_DOCUMENT;
    }
    JsonNode version = patch.get("version");
    if (version != null && version.canConvertToLong() && version.asLong() <= cur.version()) {
      return Outcome.STALE;
    }
    ObjectNode patched;
    try {
      patched = ConfigPatches.apply(cur.document(), patch);
    } catch (PatchException e) {
      LOG.log(Level.DEBUG, "ff: patch not applicable: " + e.getMessage());
      return Outcome.NEEDS_FULL_DOCUMENT;
    }
    Outcome outcome = offer(patched, true);
    return outcome == Outcome.REJECTED ? Outcome.NEEDS_FULL_DOCUMENT : outcome;
  }

  private Outcome reject(InitStatus.State state, String message) {
    rejected.incrementAndGet();
    lastProblemState = state;
    lastProblem = message;
    lastRejection = message;
    LOG.log(Level.WARNING, "ff: " + message + " (keeping the last good config)");
    return Outcome.REJECTED;
  }

  private void install(Snapshot next, boolean persist) {
    Snapshot previous = current;
    current = next;
    if (persist && store != null && envKey != null) {
      try {
        store.put(envKey, next.version(), Json.write(next.document()));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "ff: config store write failed: " + e);
      }
    }
    initDone.complete(null);
    notifyListeners(previous, next);
  }

  private void notifyListeners(Snapshot previous, Snapshot next) {
    Set<String> changed = new HashSet<>();
    JsonNode before = previous == null ? null : previous.document().get("flags");
    JsonNode after = next.document().get("flags");
    if (after != null) {
      for (Iterator<String> it = after.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (before == null || !after.get(k).equals(before.get(k))) {
          changed.add(k);
        }
      }
    }
    if (before != null) {
      for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (after == null || !after.has(k)) {
          changed.add(k);
        }
      }
    }
    long prev = previous == null ? 0 : previous.version();
    for (String flag : changed) {
      FlagChangeEvent event = new FlagChangeEvent(flag, prev, next.version());
      for (FlagChangeListener l : flagListeners.getOrDefault(flag, List.of())) {
        call(l, event);
      }
      for (FlagChangeListener l : anyListeners) {
        call(l, event);
      }
    }
    for (Runnable r : configListeners) {
      try {
        r.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "ff: config listener failed", e);
      }
    }
  }

  private static void call(FlagChangeListener l, FlagChangeEvent event) {
    try {
      l.onChange(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ff: flag change listener failed", e);
    }
  }

  /**
   * Adds a listener of one flag.
   *
   * @param flagKey the flag
   * @param listener the listener
   * @return removes it
   */
  public Runnable addFlagListener(String flagKey, FlagChangeListener listener) {
    List<FlagChangeListener> list =
        flagListeners.computeIfAbsent(flagKey, k -> new CopyOnWriteArrayList<>());
    list.add(listener);
    return () -> list.remove(listener);
  }

  /**
   * Adds a listener of every flag.
   *
   * @param listener the listener
   * @return removes it
   */
  public Runnable addAnyListener(FlagChangeListener listener) {
    anyListeners.add(listener);
    return () -> anyListeners.remove(listener);
  }

  /**
   * Adds a listener called once after each new config is installed.
   *
   * @param listener the listener
   * @return removes it
   */
  public Runnable addConfigListener(Runnable listener) {
    configListeners.add(listener);
    return () -> configListeners.remove(listener);
  }

  @Override
  public void stopped(boolean unauthorized, String message) {
    failure =
        new InitStatus(
            unauthorized ? InitStatus.State.UNAUTHORIZED : InitStatus.State.CLOSED, message);
    LOG.log(Level.ERROR, "ff: data source stopped: " + message);
    initDone.complete(null);
  }

  @Override
  public void problem(String message) {
    lastProblem = message;
    LOG.log(Level.DEBUG, "ff: " + message);
  }

  /**
   * Ends initialisation without a data source (offline mode).
   *
   * @param message why there is no config, when there is none
   */
  public void finishOffline(String message) {
    if (current == null) {
      failure =
          new InitStatus(
              lastProblemState == InitStatus.State.INVALID_SIGNATURE
                  ? InitStatus.State.INVALID_SIGNATURE
                  : InitStatus.State.NO_BOOTSTRAP,
              lastRejection == null ? message : message + ": " + lastRejection);
    }
    initDone.complete(null);
  }

  /** Marks the state closed. */
  public void close() {
    failure = new InitStatus(InitStatus.State.CLOSED, "client closed");
    initDone.complete(null);
  }

  /**
   * The status now.
   *
   * @return ready when a config is in use, else why not
   */
  public InitStatus status() {
    InitStatus f = failure;
    if (f != null && f.state() == InitStatus.State.CLOSED) {
      return f;
    }
    if (current != null) {
      return new InitStatus(InitStatus.State.READY, "config version " + current.version());
    }
    if (f != null) {
      return f;
    }
    InitStatus.State s = lastProblemState;
    String p = lastProblem;
    if (s != null) {
      return new InitStatus(s, lastRejection);
    }
    return new InitStatus(InitStatus.State.INITIALIZING, p == null ? "waiting for config" : p);
  }

  /**
   * Waits for the first config or a terminal failure.
   *
   * @param timeout the longest wait
   * @return the status; {@link InitStatus.State#TIMEOUT} (or the specific problem seen) when the
   *     wait ended first
   */
  public InitStatus await(Duration timeout) {
    try {
      initDone.get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      InitStatus s = status();
      if (s.state() == InitStatus.State.INITIALIZING) {
        return new InitStatus(
            InitStatus.State.TIMEOUT, "no config within " + timeout + "; last: " + s.message());
      }
      return s;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new InitStatus(InitStatus.State.TIMEOUT, "interrupted");
    } catch (ExecutionException e) {
      return new InitStatus(InitStatus.State.TIMEOUT, String.valueOf(e.getCause()));
    }
    return status();
  }
}
