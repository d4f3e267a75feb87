package dev.ff.sdk;

import static dev.ff.sdk.ScriptedServer.sse;
import static dev.ff.sdk.TestDocs.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ff.core.eval.ErrorCode;
import dev.ff.sdk.internal.StreamingDataSource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults of the config stream, against MockWebServer. */
class StreamingFaultsTest {
  private ScriptedServer server;
  private FfClient client;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedServer();
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
        .events(false)
        .timeout(Duration.ofSeconds(5))
        .heartbeatTimeout(Duration.ofSeconds(5))
        .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
        .pollInterval(Duration.ofMillis(200));
  }

  private static final Context USER = Context.of("u-1");

  @Test
  void notReadyBeforeTheFirstConfig() {
    client = builder().build();
    EvaluationDetail d = client.boolVariationDetail("banner", USER, true);
    assertThat(d.errorCode()).isEqualTo(ErrorCode.NOT_READY);
    assertThat(d.value().booleanValue()).isTrue();
    assertThat(client.awaitInitialized(Duration.ofMillis(50)).state())
        .isEqualTo(InitStatus.State.TIMEOUT);
  }

  @Test
  void streamLossAndRecovery_resumesWithLastEventIdAndAppliesThePatch() {
    server.streams.add(sse(event("config", 1, TestDocs.signed(1, false))));
    server.streams.add(sse(event("patch", 2, TestDocs.patch(1, true, TestDocs.KEY))));
    client = builder().build();
    assertThat(client.awaitInitialized(Duration.ofSeconds(5)).isReady()).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> client.configVersion() == 2);
    assertThat(client.isEnabled("banner", USER)).isTrue();
    assertThat(server.streamRequests().get(0).getHeader("Last-Event-ID")).isNull();
    assertThat(server.streamRequests().get(0).getHeader("Authorization"))
        .isEqualTo("Bearer ffs_test");
    assertThat(server.streamRequests().get(1).getHeader("Last-Event-ID")).isEqualTo("1");
    await().atMost(Duration.ofSeconds(5)).until(() -> server.streamRequests().size() >= 3);
    assertThat(server.streamRequests().get(2).getHeader("Last-Event-ID")).isEqualTo("2");
  }

  @Test
  void patchWithAnotherBaseVersion_fetchesTheWholeDocument() {
    server.streams.add(
        sse(
            event("config", 1, TestDocs.signed(1, false))
                + event("patch", 5, TestDocs.patch(4, false, TestDocs.KEY))));
    server.configs.add(
        new MockResponse().setHeader("ETag", "\"5\"").setBody(TestDocs.signed(5, true).toString()));
    client = builder().build();
    await().atMost(Duration.ofSeconds(5)).until(() -> client.configVersion() == 5);
    assertThat(client.isEnabled("banner", USER)).isTrue();
  }

  @Test
  void unauthorized_stopsWithoutRetrying() {
    server.streams.add(new MockResponse().setResponseCode(401));
    client = builder().build();
    InitStatus status = client.awaitInitialized(Duration.ofSeconds(5));
    assertThat(status.state()).isEqualTo(InitStatus.State.UNAUTHORIZED);
    await()
        .during(Duration.ofMillis(800))
        .atMost(Duration.ofSeconds(3))
        .until(() -> server.requests.size() == 1);
  }

  @Test
  void serverErrors_backOffThenSucceed() {
    for (int i = 0; i < 3; i++) {
      server.streams.add(new MockResponse().setResponseCode(503));
    }
    server.streams.add(sse(event("config", 1, TestDocs.signed(1, true))));
    client = builder().build();
    assertThat(client.awaitInitialized(Duration.ofSeconds(10)).isReady()).isTrue();
    assertThat(server.streamRequests()).hasSizeGreaterThanOrEqualTo(4);
    long gap1 =
        server.streamRequests().get(1).getSequenceNumber()
            - server.streamRequests().get(0).getSequenceNumber();
    assertThat(gap1).isPositive();
    assertThat(client.isEnabled("banner", USER)).isTrue();
  }

  @Test
  void repeatedFailures_openTheCircuitAndFallBackToPolling() {
    server.streamFallback = () -> new MockResponse().setResponseCode(500);
    server.configs.add(
        new MockResponse().setHeader("ETag", "\"3\"").setBody(TestDocs.signed(3, true).toString()));
    server.configFallback =
        () -> new MockResponse().setResponseCode(304).setHeader("ETag", "\"3\"");
    client = builder().circuitOpenDuration(Duration.ofSeconds(30)).build();
    await().atMost(Duration.ofSeconds(10)).until(() -> client.configVersion() == 3);
    StreamingDataSource source = (StreamingDataSource) client.dataSource();
    assertThat(source.breakerState()).isEqualTo("OPEN");
    // While open, polls carry the ETag and the stream is not retried.
    await().atMost(Duration.ofSeconds(5)).until(() -> server.configRequests().size() >= 3);
    assertThat(server.configRequests().get(2).getHeader("If-None-Match")).isEqualTo("\"3\"");
    int streams = server.streamRequests().size();
    await()
        .during(Duration.ofMillis(600))
        .atMost(Duration.ofSeconds(2))
        .until(() -> server.streamRequests().size() == streams);
  }

  @Test
  void silentStream_isRestartedByTheWatchdog() {
    String first = event("config", 1, TestDocs.signed(1, true));
    // The first event, then nothing for 2 s (no ping): the watchdog (300 ms) must give up on it.
    server.streams.add(sse(first + ": ping\n\n").throttleBody(first.length(), 2, TimeUnit.SECONDS));
    server.streams.add(sse(event("config", 2, TestDocs.signed(2, false))));
    client = builder().heartbeatTimeout(Duration.ofMillis(300)).build();
    assertThat(client.awaitInitialized(Duration.ofSeconds(5)).isReady()).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> client.configVersion() == 2);
    assertThat(server.streamRequests().get(1).getHeader("Last-Event-ID")).isEqualTo("1");
  }

  @Test
  void slowStream_isReadToTheEndWithoutARestart() {
    String body = event("config", 1, TestDocs.signed(1, true));
    // 64 bytes every 20 ms: slow, but never silent for the 500 ms heartbeat timeout.
    server.streams.add(sse(body).throttleBody(64, 20, TimeUnit.MILLISECONDS));
    server.streamFallback = () -> new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
    client = builder().heartbeatTimeout(Duration.ofMillis(500)).build();
    assertThat(client.awaitInitialized(Duration.ofSeconds(10)).isReady()).isTrue();
    // The first connection delivered the whole event: any later one resumes from version 1.
    assertThat(client.configVersion()).isEqualTo(1);
    server.streamRequests().stream()
        .skip(1)
        .forEach(r -> assertThat(r.getHeader("Last-Event-ID")).isEqualTo("1"));
  }

  @Test
  void badSignature_isRejectedAndTheLastGoodConfigKept() {
    server.streams.add(
        sse(
            event("config", 1, TestDocs.signed(1, true))
                + event("config", 2, TestDocs.signedWrong(2, false))
                + event("patch", 2, TestDocs.patch(1, false, TestDocs.WRONG))));
    server.configs.add(new MockResponse().setBody(TestDocs.signedWrong(2, false).toString()));
    client = builder().build();
    await().atMost(Duration.ofSeconds(5)).until(() -> client.rejectedConfigs() >= 3);
    assertThat(client.configVersion()).isEqualTo(1);
    assertThat(client.isEnabled("banner", USER)).isTrue();
    assertThat(client.status().isReady()).isTrue();
  }

  @Test
  void onlyBadSignatures_reportInvalidSignature() {
    server.streams.add(sse(event("config", 1, TestDocs.signedWrong(1, true))));
    client = builder().build();
    InitStatus status = client.awaitInitialized(Duration.ofMillis(1500));
    assertThat(status.state()).isEqualTo(InitStatus.State.INVALID_SIGNATURE);
  }

  @Test
  void pollingOnly_usesETags() {
    server.configs.add(
        new MockResponse().setHeader("ETag", "\"1\"").setBody(TestDocs.signed(1, true).toString()));
    server.configFallback = () -> new MockResponse().setResponseCode(304);
    client = builder().stream(false).build();
    assertThat(client.awaitInitialized(Duration.ofSeconds(5)).isReady()).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> server.configRequests().size() >= 2);
    assertThat(server.configRequests().get(0).getHeader("If-None-Match")).isNull();
    assertThat(server.configRequests().get(1).getHeader("If-None-Match")).isEqualTo("\"1\"");
    assertThat(server.streamRequests()).isEmpty();
    assertThat(client.configVersion()).isEqualTo(1);
  }

  @Test
  void edgePaths_areConfigurable() {
    server.configs.add(
        new MockResponse().setHeader("ETag", "\"1\"").setBody(TestDocs.signed(1, true).toString()));
    client = builder().edgePaths().stream(false).build();
    assertThat(client.awaitInitialized(Duration.ofSeconds(5)).isReady()).isTrue();
    assertThat(server.requests.get(0).getPath()).isEqualTo("/configs/test");
  }
}
