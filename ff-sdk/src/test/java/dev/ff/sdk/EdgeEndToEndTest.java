package dev.ff.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ff.core.bucket.Bucketing;
import dev.ff.edge.EdgeServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK served by a real edge evaluator ({@link EdgeServer}) that follows a real control plane
 * with an SDK token. The SDK is only given the edge's address ({@code edgePaths()}): its config
 * comes from the edge's {@code /stream/prod} or {@code /configs/prod}, a publish on the control
 * plane reaches its change listener through the edge, and a % rollout answers every unit the same
 * way after a restart.
 */
class EdgeEndToEndTest {
  private static final int UNITS = 2000;
  private static RealControlPlane cp;
  private static EdgeServer edge;
  private static String salt;

  @BeforeAll
  static void start() throws Exception {
    cp = new RealControlPlane();
    cp.createRolloutFlag(2000);
    cp.publish();
    salt = cp.salt();
    edge = cp.startEdge(cp.edgeConfig());
  }

  @AfterAll
  static void stop() throws Exception {
    if (cp != null) {
      cp.close(); // and the edge
    }
  }

  /** A client that knows only the edge (never the control plane). */
  private static FfClient.Builder sdk() {
    return FfClient.builder(cp.sdkToken)
        .envKey("prod")
        .endpoint(edge.url())
        .edgePaths()
        .signingKey(RealControlPlane.SIGNING_KID, RealControlPlane.SIGNING_SECRET)
        .reconnectBackoff(Duration.ofMillis(50), Duration.ofSeconds(1));
  }

  private static long controlVersion() throws Exception {
    return cp.call(cp.adminToken, "GET", RealControlPlane.ENV + "/config", null, 200)
        .get("version")
        .asLong();
  }

  /** The contract's answer (docs/evaluation.md §5): bucket below the "on" weight. */
  private static boolean expected(String unit, int onWeight) {
    return Bucketing.bucket(salt, "new-checkout", unit) < onWeight;
  }

  private static List<Boolean> answers(FfClient client) {
    List<Boolean> out = new ArrayList<>();
    for (int i = 0; i < UNITS; i++) {
      EvaluationDetail d = client.boolVariationDetail("new-checkout", Context.of("u-" + i), false);
      assertThat(d.errorCode()).as("u-%d", i).isNull();
      assertThat(d.ruleId()).isEqualTo("ramp");
      out.add(d.value().booleanValue());
    }
    return out;
  }

  @Test
  void streamsFromTheEdge_aPublishReachesTheListener_andTheRolloutStaysStickyAcrossARestart()
      throws Exception {
    List<Boolean> ramped;
    long ramp50;
    try (FfClient first = sdk().events(false).build()) {
      assertThat(first.awaitInitialized(Duration.ofSeconds(10)).isReady()).isTrue();
      assertThat(first.configVersion()).isEqualTo(controlVersion());
      List<Boolean> at20 = answers(first);
      for (int i = 0; i < UNITS; i++) {
        assertThat(at20.get(i)).as("u-%d at 20%%", i).isEqualTo(expected("u-" + i, 2000));
      }
      assertThat(at20.stream().filter(b -> b).count()).isBetween(300L, 500L);

      List<FlagChangeEvent> changes = new CopyOnWriteArrayList<>();
      first.onChange("new-checkout", changes::add);
      cp.patchFlag(1, "{'rules':[" + RealControlPlane.rampRule(5000) + "]}"); // 20% → 50%
      ramp50 = cp.publish();

      await().atMost(Duration.ofSeconds(15)).until(() -> !changes.isEmpty());
      assertThat(changes.get(0).version()).isEqualTo(ramp50);
      assertThat(first.configVersion()).isEqualTo(ramp50);
      ramped = answers(first);
      for (int i = 0; i < UNITS; i++) {
        assertThat(ramped.get(i)).as("u-%d at 50%%", i).isEqualTo(expected("u-" + i, 5000));
        if (at20.get(i)) {
          assertThat(ramped.get(i)).as("u-%d keeps 'on' when the ramp widens", i).isTrue();
        }
      }
      assertThat(ramped.stream().filter(b -> b).count()).isBetween(900L, 1100L);
    }

    // A restart: a new client, new process state, same edge: every unit gets the same answer.
    try (FfClient again = sdk().events(false).build()) {
      assertThat(again.awaitInitialized(Duration.ofSeconds(10)).isReady()).isTrue();
      assertThat(again.configVersion()).isEqualTo(ramp50);
      assertThat(answers(again)).isEqualTo(ramped);
    }
  }

  @Test
  void pollsTheEdgeConfigs_andAgreesWithAStreamingClient() {
    try (FfClient polling = sdk().stream(false).events(false).build();
        FfClient streaming = sdk().events(false).build()) {
      assertThat(polling.awaitInitialized(Duration.ofSeconds(10)).isReady()).isTrue();
      assertThat(streaming.awaitInitialized(Duration.ofSeconds(10)).isReady()).isTrue();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> polling.configVersion() == streaming.configVersion());
      assertThat(answers(polling)).isEqualTo(answers(streaming));
    }
  }

  @Test
  void eventsGoToTheEndpoint_andAreCountedAsDroppedWhileNoIngestAnswers() {
    // No eventsEndpoint: events go to {endpoint}/events, and the edge has no such route.
    try (FfClient client =
        sdk()
            .exposurePolicy(ExposurePolicy.ALL)
            .flushInterval(Duration.ofMillis(100))
            .eventRetries(2, Duration.ofMillis(50))
            .build()) {
      assertThat(client.awaitInitialized(Duration.ofSeconds(10)).isReady()).isTrue();
      for (int i = 0; i < 3; i++) {
        client.boolVariation("new-checkout", Context.of("e-" + i), false);
        client.boolVariation("new-checkout", Context.of("e-" + i), false); // deduplicated
      }
      client.trackMetric("revenue", Context.of("e-0"), 9.5);
      await().atMost(Duration.ofSeconds(10)).until(() -> client.eventStats().dropped() == 4);
      EventStats s = client.eventStats();
      assertThat(s.enqueued()).isEqualTo(4);
      assertThat(s.sent()).isZero();
      assertThat(s.deduplicated()).isEqualTo(3);
    }
  }
}
