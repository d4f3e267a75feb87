package dev.ff.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The signing-key rotation of docs/security.md, with a client evaluating through the edge the whole
 * time: (1) edges accept the old and the new key, (2) the control plane restarts signing with the
 * new key and every environment is published again, (3) an edge that knows only the new key serves.
 * Not one evaluation may fail.
 */
class KeyRotationTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String OLD = "k1:old-signing-secret";
  private static final String NEW = "k2:new-signing-secret";

  @Test
  void rotatesTheSigningKeyWithoutAFailedRequest() throws Exception {
    try (ControlPlaneFixture cp = new ControlPlaneFixture()) {
      cp.start(0, OLD);
      cp.seed("prod");
      cp.createFlag(
          "prod",
          "{'key':'checkout','type':'boolean','enabled':true,'variations':[{'key':'off','value':"
              + "false},{'key':'on','value':true}],'offVariation':'off','defaultVariation':'on',"
              + "'rules':[]}");
      cp.publish("prod");
      String token = cp.sdkToken("prod");
      EdgeConfig both =
          EdgeConfig.defaults()
              .withPort(0)
              .withControlUrl(cp.url())
              .withEnvironments(Map.of("prod", token))
              .withSigningKeys(OLD + "," + NEW)
              .withBackoff(Duration.ofMillis(50), Duration.ofMillis(400))
              .withPollInterval(Duration.ofMillis(200));
      try (EdgeServer edge = new EdgeServer(both).start()) {
        await().atMost(WAIT).until(edge::allReady);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Thread client =
            new Thread(
                () -> {
                  while (running.get()) {
                    Http.Res res =
                        Http.post(
                            edge.url() + "/evaluate",
                            token,
                            Http.q("{'envKey':'prod','flagKey':'checkout','context':{}}"));
                    if (res.status() == 200
                        && res.json().path("reason").asText().equals("DEFAULT")) {
                      ok.incrementAndGet();
                    } else {
                      failed.incrementAndGet();
                    }
                  }
                });
        client.start();
        try {
          int port = cp.server.port();
          long before = edge.replica("prod").orElseThrow().version();
          cp.stop();
          cp.start(port, NEW + "," + OLD);
          long resigned = cp.publish("prod");
          assertThat(resigned).isEqualTo(before + 1);
          await()
              .atMost(WAIT)
              .until(() -> edge.replica("prod").orElseThrow().version() == resigned);
          assertThat(
                  Http.get(edge.url() + "/configs/prod", token)
                      .json()
                      .at("/signature/kid")
                      .asText())
              .isEqualTo("k2");

          try (EdgeServer newOnly =
              new EdgeServer(both.withControlUrl(cp.url()).withSigningKeys(NEW)).start()) {
            await().atMost(WAIT).until(newOnly::allReady);
            assertThat(newOnly.replica("prod").orElseThrow().rejectedCount()).isZero();
          }
          int seen = ok.get();
          await().atMost(WAIT).until(() -> ok.get() > seen);
        } finally {
          running.set(false);
          client.join();
        }
        assertThat(failed).hasValue(0);
        assertThat(ok.get()).isPositive();
        assertThat(edge.replica("prod").orElseThrow().rejectedCount()).isZero();
      }
    }
  }
}
