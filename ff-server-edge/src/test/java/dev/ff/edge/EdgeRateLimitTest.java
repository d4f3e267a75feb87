package dev.ff.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The edge's routes are rate limited per SDK token, with the contract's headers. */
class EdgeRateLimitTest {
  FakeControlPlane fake;
  EdgeServer edge;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeControlPlane();
    edge =
        new EdgeServer(
                EdgeConfig.defaults()
                    .withPort(0)
                    .withControlUrl(fake.url())
                    .withEnvironments(Map.of("prod", "sdk-prod", "dev", "sdk-dev"))
                    .withSigningKeys("k1:test-secret-1")
                    .withPollInterval(Duration.ofHours(1))
                    .withRateLimit(0.001, 3))
            .start();
  }

  @AfterEach
  void stop() {
    edge.close();
    fake.close();
  }

  @Test
  void aTokenOverItsBurstGets429WithRetryAfterWhileOtherTokensGoOn() {
    await().atMost(Duration.ofSeconds(15)).until(fake::streamOpen);
    String body = Http.q("{'envKey':'prod','flagKey':'f','context':{}}");
    for (int i = 0; i < 3; i++) {
      Http.Res allowed = Http.post(edge.url() + "/evaluate", "sdk-prod", body);
      assertThat(allowed.status()).isNotEqualTo(429);
      assertThat(allowed.header("RateLimit-Limit")).isEqualTo("3");
      assertThat(allowed.header("RateLimit-Remaining")).isEqualTo(Integer.toString(2 - i));
    }
    Http.Res limited = Http.post(edge.url() + "/evaluate", "sdk-prod", body);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
    assertThat(limited.header("Retry-After")).isNotBlank();
    assertThat(Http.get(edge.url() + "/configs/prod", "sdk-prod").status()).isEqualTo(429);

    Http.Res other =
        Http.post(
            edge.url() + "/evaluate",
            "sdk-dev",
            Http.q("{'envKey':'dev','flagKey':'f','context':{}}"));
    assertThat(other.status()).isNotEqualTo(429);
    assertThat(Http.get(edge.url() + "/live", null).status()).isEqualTo(200);
  }
}
