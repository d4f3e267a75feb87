package dev.ff.jmh.peers.ff_sdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.harness.Population;
import dev.ff.jmh.harness.Scenarios;
import dev.ff.jmh.harness.SdkVersions;
import dev.ff.jmh.harness.User;
import dev.ff.jmh.peers.ff.FfPeer;
import dev.ff.sdk.Context;
import dev.ff.sdk.EvaluationDetail;
import dev.ff.sdk.EventStats;
import dev.ff.sdk.ExposurePolicy;
import dev.ff.sdk.FfClient;
import dev.ff.sdk.InitStatus;
import dev.ff.sdk.spi.DataSource;
import dev.ff.sdk.spi.DataSourceUpdates;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * ff's Java SDK ({@code dev.ff:ff-sdk}) as an application uses it: {@link FfClient#boolVariation}
 * and {@link FfClient#stringVariation} with a prebuilt {@link Context}, on the same document as the
 * {@code ff} peer ({@code flags/ff.json}, given as the bootstrap config), <b>with exposure tracking
 * on</b>.
 *
 * <p>The SDK's {@code offline(true)} mode switches events off altogether, so this peer does not use
 * it. Instead the client runs in its normal (online) mode with:
 *
 * <ul>
 *   <li>a custom {@link DataSource} that does nothing: the bootstrap document is the config, and no
 *       stream or poll is ever opened;
 *   <li>events on, {@link ExposurePolicy#ALL} (every successful evaluation goes through the
 *       exposure path: the S1 rollout and the S2 rules are not experiments, so the default {@code
 *       EXPERIMENTS_ONLY} would skip it);
 *   <li>an events endpoint on a closed local port and a flush interval of {@link #FLUSH_INTERVAL}:
 *       no flush runs during a fork, so the endpoint is never contacted while measuring. Only
 *       {@link #close()} makes the SDK's one last (refused, short-timeout) attempt, after the
 *       measurement. The SDK builds its HTTP client on first use, so no HTTP client (and no TLS
 *       stack) is set up in the fork before that attempt: with the data source and events of this
 *       peer, a fork that measures the SDK holds nothing network-related;
 *   <li>an exposure dedup capacity of {@link #DEDUP_CAPACITY}, above every (user, flag, variation)
 *       a fork sees (S3's 100,000 users plus the sanity check's users), so the dedup table does not
 *       overflow: each distinct exposure is built once (HMAC unit hash, UUID, bucket) and offered
 *       to the queue, and every later evaluation of that user pays the dedup check (two cached
 *       fingerprints, the context's exposure memo or one bucket of the table, a {@code LongAdder}).
 *       That is the steady state of an application whose users come back; with a population larger
 *       than the capacity the SDK would instead rebuild events for forgotten users, and the number
 *       would measure the table's overwriting;
 *   <li>the default event queue of 10,000: it fills with the first exposures (nothing flushes it)
 *       and later new exposures are counted as dropped without being built, so memory stays
 *       bounded. In the measured steady state the queue is not touched.
 * </ul>
 *
 * <p>The constructor checks that exposure tracking really is on (a first evaluation enqueues one
 * event, a repeat is deduplicated); {@link #close()} prints the event counters of the fork.
 */
public final class FfSdkPeer implements Peer<Context> {

  /**
   * Flush period: longer than any fork, so nothing is flushed (and nothing sent) while measuring.
   */
  public static final Duration FLUSH_INTERVAL = Duration.ofDays(1);

  /** Exposure dedup capacity: above the distinct (user, flag, variation) of any fork. */
  public static final int DEDUP_CAPACITY = 250_000;

  /** A closed local port: the events endpoint, contacted at most once, by {@link #close()}. */
  public static final String CLOSED_ENDPOINT = "http://127.0.0.1:1";

  private final FfClient client;

  /**
   * Starts the client on the bundled document.
   *
   * @throws IllegalStateException when the client is not ready or exposures are not recorded
   */
  public FfSdkPeer() {
    JsonNode document = FfPeer.readDocument();
    client =
        FfClient.builder("ffs_jmh_not_a_real_key")
            .envKey(document.path("env").asText("bench"))
            .endpoint(CLOSED_ENDPOINT)
            .dataSource(new NoNetwork())
            .bootstrapConfig(document)
            .events(true)
            .eventsEndpoint(CLOSED_ENDPOINT)
            .exposurePolicy(ExposurePolicy.ALL)
            .flushInterval(FLUSH_INTERVAL)
            .exposureDedupCapacity(DEDUP_CAPACITY)
            .eventRetries(1, Duration.ofSeconds(1))
            .timeout(Duration.ofSeconds(1))
            .build();
    try {
      InitStatus status = client.awaitInitialized(Duration.ofSeconds(10));
      if (!status.isReady()) {
        throw new IllegalStateException("ff-sdk is not ready: " + status);
      }
      // Fail at once, with the reason, rather than through the sanity check's numbers.
      Context probe = context(Population.s2WorstCaseUser());
      for (EvaluationDetail d :
          List.of(
              client.boolVariationDetail(Scenarios.S1_KEY, probe, false),
              client.stringVariationDetail(Scenarios.S2_KEY, probe, "control"))) {
        if (d.isError()) {
          throw new IllegalStateException("ff-sdk cannot evaluate " + d.flagKey() + ": " + d);
        }
      }
      EventStats afterFirst = client.eventStats();
      client.boolVariation(Scenarios.S1_KEY, probe, false);
      EventStats afterRepeat = client.eventStats();
      if (afterFirst.enqueued() != 2
          || afterRepeat.deduplicated() != afterFirst.deduplicated() + 1) {
        throw new IllegalStateException(
            "ff-sdk exposure tracking is not on as expected: " + afterFirst + ", " + afterRepeat);
      }
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return "ff-sdk";
  }

  @Override
  public String description() {
    return "dev.ff:ff-sdk:"
        + SdkVersions.get("ff-sdk")
        + " (FfClient on "
        + FfPeer.RESOURCE
        + " as bootstrap, no-op data source, exposures on: policy ALL, dedup "
        + DEDUP_CAPACITY
        + ", flush every "
        + FLUSH_INTERVAL.toDays()
        + " d to a closed local port; boolVariation/stringVariation)";
  }

  @Override
  public Context context(User u) {
    return Context.builder(u.key())
        .set("country", u.country())
        .set("email", u.email())
        .set("plan", u.plan())
        .set("userAgent", u.userAgent())
        .set("age", u.age())
        .set("appVersion", u.appVersion())
        .set("beta", u.beta())
        .set("logins", u.logins())
        .build();
  }

  @Override
  public boolean s1(Context ctx) {
    return client.boolVariation(Scenarios.S1_KEY, ctx, false);
  }

  @Override
  public String s2(Context ctx) {
    return client.stringVariation(Scenarios.S2_KEY, ctx, "control");
  }

  /**
   * The event counters so far.
   *
   * @return enqueued, sent, dropped, deduplicated
   */
  public EventStats eventStats() {
    return client.eventStats();
  }

  @Override
  public void close() {
    EventStats s = client.eventStats();
    System.out.printf(
        Locale.ROOT,
        "[ff_sdk] exposures: enqueued %d, deduplicated %d, dropped (queue full) %d, sent %d%n",
        s.enqueued(),
        s.deduplicated(),
        s.dropped(),
        s.sent());
    client.close();
  }

  /** A data source that never delivers anything and opens no connection: the bootstrap stays. */
  static final class NoNetwork implements DataSource {
    @Override
    public void start(DataSourceUpdates updates) {
      // nothing: the bootstrap document is the config for the whole run
    }

    @Override
    public void close() {
      // nothing to stop
    }
  }
}
