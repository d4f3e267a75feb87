package dev.ff.sdk;

import static dev.ff.sdk.ScriptedServer.sse;
import static dev.ff.sdk.TestDocs.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.sdk.openfeature.FfProvider;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.MutableTrackingEventDetails;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OpenFeature provider: evaluations, reasons, errors, events, tracking. */
class OpenFeatureProviderTest {
  private ScriptedServer server;
  private FfClient ff;

  @AfterEach
  void stop() throws Exception {
    OpenFeatureAPI.getInstance().shutdown();
    if (ff != null) {
      ff.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void evaluatesMapsErrorsEmitsChangesAndTracks() throws Exception {
    server = new ScriptedServer();
    String first = event("config", 1, TestDocs.signed(1, false));
    // v1 at once, the patch to v2 half a second later (after the provider is ready).
    server.streams.add(
        sse(first + event("patch", 2, TestDocs.patch(1, true, TestDocs.KEY)))
            .throttleBody(first.length(), 500, TimeUnit.MILLISECONDS));
    ff =
        FfClient.builder("ffs_test")
            .envKey("test")
            .endpoint(server.url())
            .signingKey("k1", TestDocs.SECRET)
            .flushInterval(Duration.ofMillis(100))
            .build();
    OpenFeatureAPI api = OpenFeatureAPI.getInstance();
    List<EventDetails> changes = new CopyOnWriteArrayList<>();
    api.onProviderConfigurationChanged(changes::add);
    api.setProviderAndWait(new FfProvider(ff, Duration.ofSeconds(5)));
    Client client = api.getClient();
    ImmutableContext ctx = new ImmutableContext("u-42", Map.of("country", new Value("NL")));

    FlagEvaluationDetails<String> checkout = client.getStringDetails("checkout", "x", ctx);
    assertThat(checkout.getValue()).isIn("old", "new");
    assertThat(checkout.getReason()).isEqualTo("SPLIT");
    assertThat(checkout.getVariant()).isIn("control", "treatment");
    assertThat(checkout.getFlagMetadata().getString("experiment")).isEqualTo("checkout-test");
    assertThat(checkout.getFlagMetadata().getBoolean("inExperiment")).isTrue();

    FlagEvaluationDetails<Boolean> missing = client.getBooleanDetails("nope", true, ctx);
    assertThat(missing.getValue()).isTrue();
    assertThat(missing.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
    assertThat(client.getBooleanDetails("checkout", false, ctx).getErrorCode())
        .isEqualTo(ErrorCode.TYPE_MISMATCH);
    assertThat(client.getIntegerDetails("checkout", 3, ctx).getErrorCode())
        .isEqualTo(ErrorCode.TYPE_MISMATCH);
    assertThat(client.getObjectValue("checkout", new Value("d"), ctx).asString())
        .isIn("old", "new");

    await().atMost(Duration.ofSeconds(5)).until(() -> ff.configVersion() == 2);
    await().atMost(Duration.ofSeconds(5)).until(() -> !changes.isEmpty());
    assertThat(changes.get(changes.size() - 1).getFlagsChanged()).contains("banner");
    FlagEvaluationDetails<Boolean> banner = client.getBooleanDetails("banner", false, ctx);
    assertThat(banner.getValue()).isTrue();
    assertThat(banner.getReason()).isEqualTo("DEFAULT");

    client.track("revenue", ctx, new MutableTrackingEventDetails(12.5));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                server.eventRequests().stream()
                    .anyMatch(r -> r.getBody().clone().readUtf8().contains("\"revenue\"")));
    JsonNode posted = null;
    for (var r : server.eventRequests()) {
      for (JsonNode e : TestDocs.MAPPER.readTree(r.getBody().clone().readUtf8())) {
        if ("metric".equals(e.get("type").asText())) {
          posted = e;
        }
      }
    }
    assertThat(posted).isNotNull();
    assertThat(posted.get("value").asDouble()).isEqualTo(12.5);
    assertThat(posted.get("unitHash").asText()).isEqualTo(EventsTest.hmac(TestDocs.SALT, "u-42"));
  }

  @Test
  void notReadyBeforeTheFirstConfig() {
    ff = FfClient.builder(null).offline(true).build();
    FfProvider provider = new FfProvider(ff, Duration.ofMillis(10));
    assertThat(provider.getBooleanEvaluation("x", true, new ImmutableContext("u")).getErrorCode())
        .isEqualTo(ErrorCode.PROVIDER_NOT_READY);
    assertThat(provider.getBooleanEvaluation("x", true, new ImmutableContext("u")).getValue())
        .isTrue();
  }
}
