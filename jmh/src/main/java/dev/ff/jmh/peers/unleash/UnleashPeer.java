package dev.ff.jmh.peers.unleash;

import dev.ff.jmh.harness.FlagFiles;
import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.harness.Scenarios;
import dev.ff.jmh.harness.SdkVersions;
import dev.ff.jmh.harness.User;
import io.getunleash.DefaultUnleash;
import io.getunleash.Unleash;
import io.getunleash.UnleashContext;
import io.getunleash.UnleashException;
import io.getunleash.repository.ToggleBootstrapFileProvider;
import io.getunleash.util.UnleashConfig;
import io.getunleash.util.UnleashScheduledExecutor;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Unleash's Java SDK ({@code io.getunleash:unleash-client-java}, which evaluates in its bundled
 * native Yggdrasil engine), fully offline. Toggles and the segment come from {@code
 * flags/unleash.json} (client-features format) through a bootstrap file. Polling and metrics are
 * off; the feature fetcher is replaced by one that refuses to fetch; the backup file is a fresh
 * path in a private temporary folder, so no stale backup can replace the bootstrap; and the API
 * address is a closed local port, as a last guard. Nothing is ever sent.
 *
 * <p>Every {@code isEnabled}/{@code getVariant} call of this SDK also hands an evaluation event to
 * the SDK's background executor, even with metrics off and nobody listening. The default peer keeps
 * that, since applications get it. The {@code unleash_inline} variant plugs in an executor that
 * runs such one-shot tasks on the calling thread (the public {@code scheduledExecutor} option), to
 * show what the evaluation itself costs.
 */
public final class UnleashPeer implements Peer<UnleashContext> {

  private final Unleash unleash;
  private final boolean inlineEvents;

  /** Starts the client with the SDK's default event dispatch (its background executor). */
  public UnleashPeer() {
    this(false);
  }

  /**
   * Starts the client.
   *
   * @param inlineEvents run the SDK's per-evaluation event dispatch on the calling thread instead
   *     of its background executor (a diagnostic variant, not the SDK's default)
   * @throws IllegalStateException when the bootstrap toggles did not load
   */
  public UnleashPeer(boolean inlineEvents) {
    this.inlineEvents = inlineEvents;
    Path file = FlagFiles.extract("flags/unleash.json");
    Path backup = FlagFiles.tempDir().resolve("unleash-backup-unused.json");
    UnleashConfig.Builder builder =
        UnleashConfig.builder()
            .appName("ff-jmh")
            .instanceId(inlineEvents ? "ff-jmh-inline" : "ff-jmh")
            .unleashAPI("http://127.0.0.1:1/api/")
            .toggleBootstrapProvider(new ToggleBootstrapFileProvider(file.toString()))
            .backupFile(backup.toString())
            .disablePolling()
            .disableMetrics()
            .synchronousFetchOnInitialisation(false)
            .unleashFeatureFetcherFactory(
                cfg ->
                    () -> {
                      throw new UnleashException("ff-jmh: fetching is disabled", null);
                    });
    if (inlineEvents) {
      builder.scheduledExecutor(new SameThreadExecutor());
    }
    unleash = new DefaultUnleash(builder.build());
    if (unleash.more().getFeatureToggleNames().size() < 2) {
      throw new IllegalStateException("Unleash did not load the bootstrap toggles from " + file);
    }
  }

  @Override
  public String name() {
    return inlineEvents ? "Unleash (events dispatched inline)" : "Unleash";
  }

  @Override
  public String description() {
    return "io.getunleash:unleash-client-java:"
        + SdkVersions.get("unleash")
        + " (bootstrap file, polling and metrics off, native Yggdrasil engine"
        + (inlineEvents ? ", same-thread scheduledExecutor: not the SDK default)" : ")");
  }

  @Override
  public UnleashContext context(User u) {
    // Unleash context properties are strings; its numeric and semver operators parse them.
    return UnleashContext.builder()
        .userId(u.key())
        .addProperty("country", u.country())
        .addProperty("email", u.email())
        .addProperty("plan", u.plan())
        .addProperty("userAgent", u.userAgent())
        .addProperty("age", Integer.toString(u.age()))
        .addProperty("appVersion", u.appVersion())
        .addProperty("beta", Boolean.toString(u.beta()))
        .addProperty("logins", Integer.toString(u.logins()))
        .build();
  }

  @Override
  public boolean s1(UnleashContext ctx) {
    return unleash.isEnabled(Scenarios.S1_KEY, ctx);
  }

  @Override
  public String s2(UnleashContext ctx) {
    return unleash.getVariant(Scenarios.S2_KEY, ctx).getName();
  }

  @Override
  public void close() {
    unleash.shutdown();
  }

  /**
   * Runs one-shot tasks (the per-evaluation event dispatch) on the calling thread. Periodic tasks
   * (a timer that ticks even with metrics off) go to one daemon thread, as with the SDK's own
   * executor.
   */
  static final class SameThreadExecutor implements UnleashScheduledExecutor {
    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "ff-jmh-unleash-timer");
              t.setDaemon(true);
              return t;
            });

    @Override
    public void setInterval(Runnable command, long initialDelaySec, long periodSec) {
      timer.scheduleAtFixedRate(command, initialDelaySec, periodSec, TimeUnit.SECONDS);
    }

    @Override
    public Future<Void> scheduleOnce(Runnable runnable) {
      runnable.run();
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void shutdown() {
      timer.shutdown();
    }

    @Override
    public void shutdownNow() {
      timer.shutdownNow();
    }
  }
}
