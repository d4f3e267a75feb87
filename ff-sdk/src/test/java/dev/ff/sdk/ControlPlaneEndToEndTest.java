package dev.ff.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real control plane on a fresh PostgreSQL database: create an environment, a % rollout flag and
 * an SDK token, publish; the SDK streams the signed config; a second publish reaches it.
 */
class ControlPlaneEndToEndTest {
  private static RealControlPlane cp;

  @BeforeAll
  static void start() throws Exception {
    cp = new RealControlPlane();
    cp.createRolloutFlag(2000);
    cp.publish();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cp != null) {
      cp.close();
    }
  }

  private FfClient.Builder sdk() {
    return FfClient.builder(cp.sdkToken)
        .envKey("prod")
        .endpoint(cp.url())
        .signingKey(RealControlPlane.SIGNING_KID, RealControlPlane.SIGNING_SECRET)
        .reconnectBackoff(Duration.ofMillis(50), Duration.ofSeconds(1));
  }

  @Test
  void streamsTheRolloutAndASecondPublish() throws Exception {
    try (FfClient client = sdk().events(false).build()) {
      assertThat(client.awaitInitialized(Duration.ofSeconds(10)).isReady()).isTrue();
      long v1 = client.configVersion();
      int on = 0;
      for (int i = 0; i < 2000; i++) {
        EvaluationDetail d =
            client.boolVariationDetail("new-checkout", Context.of("u-" + i), false);
        assertThat(d.errorCode()).isNull();
        assertThat(d.ruleId()).isEqualTo("ramp");
        on += d.value().booleanValue() ? 1 : 0;
      }
      assertThat(on).isBetween(300, 500); // 20% of 2000, give or take

      AtomicLong changedTo = new AtomicLong();
      client.onChange("new-checkout", e -> changedTo.set(e.version()));
      cp.patchFlag(1, "{'enabled':false}"); // the flag's first version
      cp.publish();

      await().atMost(Duration.ofSeconds(10)).until(() -> client.configVersion() == v1 + 1);
      assertThat(changedTo.get()).isEqualTo(v1 + 1);
      EvaluationDetail off = client.boolVariationDetail("new-checkout", Context.of("u-1"), true);
      assertThat(off.reason().name()).isEqualTo("DISABLED");
      assertThat(off.value().booleanValue()).isFalse();
    }
  }

  @Test
  void aWrongTokenIsUnauthorized() {
    try (FfClient client =
        FfClient.builder("ffs_wrong").envKey("prod").endpoint(cp.url()).events(false).build()) {
      assertThat(client.awaitInitialized(Duration.ofSeconds(10)).state())
          .isEqualTo(InitStatus.State.UNAUTHORIZED);
    }
  }

  @Test
  void eventsToAnAbsentEndpointAreCountedAsDropped() {
    try (FfClient client =
        sdk()
            .eventsEndpoint("http://127.0.0.1:1")
            .exposurePolicy(ExposurePolicy.ALL)
            .flushInterval(Duration.ofMillis(100))
            .eventRetries(2, Duration.ofMillis(50))
            .build()) {
      assertThat(client.awaitInitialized(Duration.ofSeconds(10)).isReady()).isTrue();
      client.boolVariation("new-checkout", Context.of("u-1"), false);
      client.boolVariation("new-checkout", Context.of("u-1"), false); // deduplicated
      client.trackMetric("revenue", Context.of("u-1"), 12.5);
      await().atMost(Duration.ofSeconds(10)).until(() -> client.eventStats().dropped() == 2);
      assertThat(client.eventStats().sent()).isZero();
      assertThat(client.eventStats().deduplicated()).isEqualTo(1);
    }
  }
}
