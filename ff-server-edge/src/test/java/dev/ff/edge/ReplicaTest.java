package dev.ff.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.edge.replica.ConfigDiff;
import dev.ff.edge.replica.EnvironmentReplica;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The replica against a fake control plane that can lie: tampering, gaps, rotation, drops. */
class ReplicaTest {
  static final Duration WAIT = Duration.ofSeconds(15);

  FakeControlPlane fake;
  EdgeServer edge;
  EnvironmentReplica replica;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeControlPlane();
    edge =
        new EdgeServer(
                EdgeConfig.defaults()
                    .withPort(0)
                    .withControlUrl(fake.url())
                    .withEnvironments(Map.of("prod", "sdk-token"))
                    .withSigningKeys("k1:test-secret-1,k2:test-secret-2")
                    .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                    .withPollInterval(Duration.ofHours(1)))
            .start();
    replica = edge.replica("prod").orElseThrow();
    await().atMost(WAIT).until(fake::streamOpen);
  }

  @AfterEach
  void stop() {
    edge.close();
    fake.close();
  }

  String evaluateNl() {
    return Http.post(
            edge.url() + "/evaluate",
            "sdk-token",
            Http.q("{'envKey':'prod','flagKey':'f','context':{'country':'NL'}}"))
        .json()
        .get("reason")
        .asText();
  }

  @Test
  void refusesTamperedDocumentsAndKeepsTheLastGoodOne() {
    assertThat(Http.get(edge.url() + "/ready", null).status()).isEqualTo(503);
    fake.send("config", 1, FakeControlPlane.doc("prod", 1, true, FakeControlPlane.K1).toString());
    await().atMost(WAIT).until(() -> replica.version() == 1);
    assertThat(Http.get(edge.url() + "/ready", null).status()).isEqualTo(200);

    ObjectNode tampered = FakeControlPlane.doc("prod", 2, true, FakeControlPlane.K1);
    ((ObjectNode) tampered.at("/flags/f")).put("enabled", false);
    fake.document.set(tampered.toString()); // the refetch gets the same lie
    fake.send("config", 2, tampered.toString());
    await().atMost(WAIT).until(() -> replica.rejectedCount() >= 2);
    assertThat(fake.fetches.get()).isEqualTo(1);
    assertThat(replica.version()).isEqualTo(1);
    assertThat(evaluateNl()).isEqualTo("TARGETING_MATCH");

    ObjectNode unknownKey =
        FakeControlPlane.doc(
            "prod", 3, false, new dev.ff.core.document.SigningKey("kx", "nobody-knows".getBytes()));
    ObjectNode otherEnv = FakeControlPlane.doc("staging", 3, false, FakeControlPlane.K1);
    fake.document.set(null);
    fake.send("config", 3, unknownKey.toString());
    fake.send("config", 3, otherEnv.toString());
    fake.send("config", 3, "{\"not\":\"a config\"");
    await().atMost(WAIT).until(() -> replica.rejectedCount() >= 5);
    assertThat(replica.version()).isEqualTo(1);
    assertThat(edge.metrics().rejectedCount("prod")).isEqualTo(replica.rejectedCount());

    // Rotation: a document signed by the second configured key is accepted.
    fake.send("config", 4, FakeControlPlane.doc("prod", 4, false, FakeControlPlane.K2).toString());
    await().atMost(WAIT).until(() -> replica.version() == 4);
    assertThat(evaluateNl()).isEqualTo("DISABLED");
  }

  @Test
  void appliesPatchesAndRefetchesAfterAGapOrABadPatch() throws Exception {
    ObjectNode v1 = FakeControlPlane.doc("prod", 1, true, FakeControlPlane.K1);
    fake.send("config", 1, v1.toString());
    await().atMost(WAIT).until(() -> replica.version() == 1);

    // A patch whose base is not ours: fetch the whole document.
    ObjectNode v2 = FakeControlPlane.doc("prod", 2, false, FakeControlPlane.K1);
    ObjectNode v3 = FakeControlPlane.doc("prod", 3, true, FakeControlPlane.K1);
    fake.document.set(v3.toString());
    fake.send("patch", 3, ConfigDiff.diff(v2, v3).orElseThrow().toString());
    await().atMost(WAIT).until(() -> replica.version() == 3);
    assertThat(replica.refetchCount()).isEqualTo(1);

    // A proper patch is applied without a fetch.
    ObjectNode v4 = FakeControlPlane.doc("prod", 4, false, FakeControlPlane.K1);
    fake.send("patch", 4, ConfigDiff.diff(v3, v4).orElseThrow().toString());
    await().atMost(WAIT).until(() -> replica.version() == 4);
    assertThat(replica.refetchCount()).isEqualTo(1);
    assertThat(evaluateNl()).isEqualTo("DISABLED");

    // A patch whose result does not verify is refused; the refetch finds nothing newer.
    ObjectNode v5 = FakeControlPlane.doc("prod", 5, true, FakeControlPlane.K1);
    ObjectNode bad = ConfigDiff.diff(v4, v5).orElseThrow();
    ((ObjectNode) bad.at("/upsert/flags/f")).put("defaultVariation", "on");
    fake.document.set(v4.toString());
    fake.send("patch", 5, bad.toString());
    await().atMost(WAIT).until(() -> replica.refetchCount() == 2);
    assertThat(replica.version()).isEqualTo(4);
    assertThat(replica.rejectedCount()).isEqualTo(1);

    // A dropped stream reconnects with Last-Event-ID and resumes.
    fake.dropStream();
    await().atMost(WAIT).until(() -> fake.lastEventIds.contains("4"));
    await().atMost(WAIT).until(fake::streamOpen);
    fake.send("patch", 5, ConfigDiff.diff(v4, v5).orElseThrow().toString());
    await().atMost(WAIT).until(() -> replica.version() == 5);
  }
}
