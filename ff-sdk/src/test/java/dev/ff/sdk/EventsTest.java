package dev.ff.sdk;

import static dev.ff.sdk.ScriptedServer.sse;
import static dev.ff.sdk.TestDocs.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.core.bucket.Bucketing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exposure and metric events: content, hashing, dedup, batching, retries and drops. */
class EventsTest {
  private ScriptedServer server;
  private FfClient client;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedServer();
    server.streams.add(sse(event("config", 1, TestDocs.signed(1, true))));
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  private FfClient.Builder builder() {
    return FfClient.builder("ffs_test")
        .envKey("test")
        .endpoint(server.url())
        .signingKey("k1", TestDocs.SECRET)
        .flushInterval(Duration.ofMillis(100))
        .eventRetries(3, Duration.ofMillis(20))
        .clock(Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
  }

  static String hmac(String salt, String unit) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(unit.getBytes(StandardCharsets.UTF_8)));
  }

  private List<JsonNode> postedEvents() throws Exception {
    List<JsonNode> all = new ArrayList<>();
    for (RecordedRequest r : server.eventRequests()) {
      for (JsonNode e : TestDocs.MAPPER.readTree(r.getBody().clone().readUtf8())) {
        all.add(e);
      }
    }
    return all;
  }

  @Test
  void experimentExposureOncePerUnitFlagAndVariation_andMetrics() throws Exception {
    client = builder().build();
    assertThat(client.awaitInitialized(Duration.ofSeconds(5)).isReady()).isTrue();
    Context u = Context.of("u-42");
    String v = client.stringVariation("checkout", u, "x");
    client.stringVariation("checkout", u, "x");
    client.boolVariation("banner", u, false); // not in an experiment: no exposure by default
    client.trackMetric("revenue", u, 12.5);
    client.trackMetric("Bad Key", u, 1); // dropped, counted
    await().atMost(Duration.ofSeconds(5)).until(() -> client.eventStats().sent() == 2);
    List<JsonNode> events = postedEvents();
    assertThat(events).hasSize(2);
    JsonNode exposure = events.get(0);
    assertThat(exposure.get("type").asText()).isEqualTo("exposure");
    assertThat(exposure.get("flag").asText()).isEqualTo("checkout");
    assertThat(exposure.get("experiment").asText()).isEqualTo("checkout-test");
    assertThat(exposure.get("variation").asText())
        .isEqualTo(v.equals("new") ? "treatment" : "control");
    assertThat(exposure.get("env").asText()).isEqualTo("test");
    assertThat(exposure.get("unitHash").asText()).isEqualTo(hmac(TestDocs.SALT, "u-42"));
    assertThat(exposure.get("bucket").asInt())
        .isEqualTo(Bucketing.bucket(TestDocs.SALT, "checkout", "u-42"));
    assertThat(exposure.get("timestamp").asText()).isEqualTo("2026-11-24T10:00:00Z");
    assertThat(exposure.get("eventId").asText()).hasSize(36);
    JsonNode metric = events.get(1);
    assertThat(metric.get("type").asText()).isEqualTo("metric");
    assertThat(metric.get("metric").asText()).isEqualTo("revenue");
    assertThat(metric.get("value").asDouble()).isEqualTo(12.5);
    assertThat(metric.get("unitHash").asText()).isEqualTo(hmac(TestDocs.SALT, "u-42"));
    assertThat(server.eventRequests().get(0).getHeader("Authorization"))
        .isEqualTo("Bearer ffs_test");
    assertThat(client.eventStats().deduplicated()).isEqualTo(1);
    assertThat(client.eventStats().dropped()).isEqualTo(1);
  }

  @Test
  void policyAll_exposesPlainFlagsToo() {
    client = builder().exposurePolicy(ExposurePolicy.ALL).build();
    assertThat(client.awaitInitialized(Duration.ofSeconds(5)).isReady()).isTrue();
    client.isEnabled("banner", Context.of("a"));
    client.isEnabled("banner", Context.of("b"));
    await().atMost(Duration.ofSeconds(5)).until(() -> client.eventStats().sent() == 2);
  }

  @Test
  void failingEndpoint_retriesThenDropsAndCounts() {
    server.eventsResponse = () -> new MockResponse().setResponseCode(503);
    client = builder().exposurePolicy(ExposurePolicy.ALL).build();
    assertThat(client.awaitInitialized(Duration.ofSeconds(5)).isReady()).isTrue();
    client.isEnabled("banner", Context.of("a"));
    await().atMost(Duration.ofSeconds(5)).until(() -> client.eventStats().dropped() == 1);
    assertThat(server.eventRequests()).hasSize(3);
    assertThat(client.eventStats().sent()).isZero();
  }

  @Test
  void fullQueue_dropsWithoutBlocking() {
    server.eventsResponse = () -> new MockResponse().setResponseCode(503);
    client =
        builder()
            .exposurePolicy(ExposurePolicy.ALL)
            .eventCapacity(5)
            .flushInterval(Duration.ofSeconds(60))
            .build();
    assertThat(client.awaitInitialized(Duration.ofSeconds(5)).isReady()).isTrue();
    for (int i = 0; i < 20; i++) {
      client.isEnabled("banner", Context.of("u" + i));
    }
    assertThat(client.eventStats().enqueued()).isEqualTo(5);
    assertThat(client.eventStats().dropped()).isEqualTo(15);
  }

  @Test
  void dedupCacheIsBounded() {
    client = builder().exposurePolicy(ExposurePolicy.ALL).exposureDedupCapacity(10).build();
    assertThat(client.awaitInitialized(Duration.ofSeconds(5)).isReady()).isTrue();
    for (int i = 0; i < 1000; i++) {
      client.isEnabled("banner", Context.of("u" + i));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> client.eventStats().sent() == 1000);
  }
}
