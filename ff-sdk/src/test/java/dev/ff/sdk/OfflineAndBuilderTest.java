package dev.ff.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.ff.core.bucket.Bucketing;
import dev.ff.core.eval.ErrorCode;
import dev.ff.core.eval.Reason;
import dev.ff.sdk.store.InMemoryConfigStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline mode, the builder's checks, typed calls, listeners and sticky bucketing. */
class OfflineAndBuilderTest {

  private static FfClient offline(Object bootstrap) {
    FfClient.Builder b = FfClient.builder(null).offline(true).signingKey("k1", TestDocs.SECRET);
    if (bootstrap instanceof Path p) {
      b.bootstrapConfig(p);
    } else if (bootstrap != null) {
      b.bootstrapConfig((com.fasterxml.jackson.databind.JsonNode) bootstrap);
    }
    return b.build();
  }

  @Test
  void offlineFromAFile_evaluatesWithoutNetwork(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, TestDocs.signed(7, true).toString());
    try (FfClient client = offline(file)) {
      assertThat(client.awaitInitialized(Duration.ZERO).isReady()).isTrue();
      EvaluationDetail d = client.boolVariationDetail("banner", Context.of("u"), false);
      assertThat(d.value().booleanValue()).isTrue();
      assertThat(d.reason()).isEqualTo(Reason.DEFAULT);
      assertThat(d.configVersion()).isEqualTo(7);
      assertThat(client.dataSource()).isNull();
      assertThat(client.allFlags(Context.of("u"))).containsOnlyKeys("banner", "checkout");
      assertThat(client.eventStats().sent()).isZero();
    }
  }

  @Test
  void offlineWithoutBootstrap_reportsNoBootstrap() {
    try (FfClient client = offline(null)) {
      assertThat(client.awaitInitialized(Duration.ofSeconds(5)).state())
          .isEqualTo(InitStatus.State.NO_BOOTSTRAP);
      assertThat(client.boolVariationDetail("banner", Context.of("u"), true).errorCode())
          .isEqualTo(ErrorCode.NOT_READY);
    }
  }

  @Test
  void unsignedOrBadlySignedBootstrapIsRefusedWhenKeysAreGiven() {
    try (FfClient client = offline(TestDocs.doc(1, true))) {
      assertThat(client.awaitInitialized(Duration.ZERO).state())
          .isEqualTo(InitStatus.State.INVALID_SIGNATURE);
    }
    try (FfClient client = offline(TestDocs.signedWrong(1, true))) {
      assertThat(client.awaitInitialized(Duration.ZERO).state())
          .isEqualTo(InitStatus.State.INVALID_SIGNATURE);
    }
    // Without keys an unsigned document is accepted.
    try (FfClient client =
        FfClient.builder(null).offline(true).bootstrapConfig(TestDocs.doc(1, true)).build()) {
      assertThat(client.awaitInitialized(Duration.ZERO).isReady()).isTrue();
    }
  }

  @Test
  void keyRotation_acceptsAnyConfiguredKey() {
    try (FfClient client =
        FfClient.builder(null)
            .offline(true)
            .signingKey("k0", "old-secret")
            .signingKey("k1", TestDocs.SECRET)
            .bootstrapConfig(TestDocs.signed(1, true))
            .build()) {
      assertThat(client.awaitInitialized(Duration.ZERO).isReady()).isTrue();
    }
  }

  @Test
  void typedCalls_mismatchAndMapContexts() {
    try (FfClient client = offline(TestDocs.signed(1, true))) {
      assertThat(client.numberVariationDetail("checkout", Context.of("u"), 1.5).errorCode())
          .isEqualTo(ErrorCode.TYPE_MISMATCH);
      assertThat(client.numberVariation("checkout", Context.of("u"), 1.5)).isEqualTo(1.5);
      assertThat(client.boolVariationDetail("checkout", Context.of("u"), true).errorCode())
          .isEqualTo(ErrorCode.TYPE_MISMATCH);
      assertThat(client.stringVariation("checkout", Context.of("u"), "x")).isIn("old", "new");
      assertThat(client.jsonVariation("nope", Context.of("u"), TextNode.valueOf("d")).asText())
          .isEqualTo("d");
      assertThat(
              client
                  .variation("banner", Map.of("key", "u", "country", "NL"), null)
                  .value()
                  .asBoolean())
          .isTrue();
      assertThat(client.variation("banner", Map.of("key", 5), null).errorCode())
          .isEqualTo(ErrorCode.INVALID_CONTEXT);
      assertThat(client.boolVariation("banner", Map.of("key", "u"), false)).isTrue();
      assertThat(client.variation(null, Context.of("u"), null).errorCode())
          .isEqualTo(ErrorCode.FLAG_NOT_FOUND);
      assertThat(client.variation("banner", (Context) null, null).errorCode())
          .isEqualTo(ErrorCode.INVALID_CONTEXT);
    }
  }

  @Test
  void restart_keepsEveryUnitInItsVariation() {
    List<String> first = new ArrayList<>();
    try (FfClient client = offline(TestDocs.signed(1, true))) {
      for (int i = 0; i < 500; i++) {
        first.add(client.stringVariation("checkout", Context.of("user-" + i), "?"));
      }
    }
    try (FfClient restarted = offline(TestDocs.signed(2, true))) {
      for (int i = 0; i < 500; i++) {
        String unit = "user-" + i;
        assertThat(restarted.stringVariation("checkout", Context.of(unit), "?"))
            .isEqualTo(first.get(i))
            // and it is the contract's bucket: < 5000 → control ("old"), else treatment
            .isEqualTo(Bucketing.bucket(TestDocs.SALT, "checkout", unit) < 5000 ? "old" : "new");
      }
    }
  }

  @Test
  void listenersHearFlagChanges() {
    InMemoryConfigStore store = new InMemoryConfigStore();
    store.put("test", 3, TestDocs.signed(3, false).toString());
    // A newer store copy wins over an older bootstrap.
    try (FfClient client =
        FfClient.builder(null)
            .offline(true)
            .envKey("test")
            .store(store)
            .signingKey("k1", TestDocs.SECRET)
            .bootstrapConfig(TestDocs.signed(2, true))
            .build()) {
      assertThat(client.configVersion()).isEqualTo(3);
      assertThat(client.isEnabled("banner", Context.of("u"))).isFalse();
    }
  }

  @Test
  void contextBuilder() {
    Context c =
        Context.builder("u-1").set("country", "NL").set("device", Map.of("os", "ios")).build();
    assertThat(c.key()).isEqualTo("u-1");
    assertThat(c.toJson().toString())
        .isEqualTo("{\"key\":\"u-1\",\"country\":\"NL\",\"device\":{\"os\":\"ios\"}}");
    assertThat(Context.fromMap(Map.of("key", "u-1", "country", "NL")).get("country").asText())
        .isEqualTo("NL");
    assertThatThrownBy(() -> Context.builder("u").set("key", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Context.builder("u").set("", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builderFailsFast() {
    assertThatThrownBy(() -> FfClient.builder(null).envKey("prod").build())
        .hasMessageContaining("sdkKey");
    assertThatThrownBy(() -> FfClient.builder("k").build()).hasMessageContaining("envKey");
    assertThatThrownBy(() -> FfClient.builder("k").envKey("Bad Key").build())
        .hasMessageContaining("envKey");
    assertThatThrownBy(() -> FfClient.builder("k").envKey("p").endpoint("not a url").build())
        .hasMessageContaining("endpoint");
    assertThatThrownBy(() -> FfClient.builder("k").envKey("p").configPath("v1/x").build())
        .hasMessageContaining("configPath");
    assertThatThrownBy(
            () -> FfClient.builder("k").envKey("p").pollInterval(Duration.ofMillis(-1)).build())
        .hasMessageContaining("pollInterval");
    assertThatThrownBy(() -> FfClient.builder("k").envKey("p").eventCapacity(0).build())
        .hasMessageContaining("eventCapacity");
    assertThatThrownBy(() -> FfClient.builder("k").envKey("p").signingKey("k1", "").build())
        .hasMessageContaining("secret");
    assertThatThrownBy(
            () -> FfClient.builder(null).offline(true).bootstrapConfig("{not json").build())
        .hasMessageContaining("bootstrapConfig");
    assertThatThrownBy(
            () ->
                FfClient.builder(null)
                    .offline(true)
                    .bootstrapConfig(Path.of("/no/such/file.json"))
                    .build())
        .hasMessageContaining("cannot read");
    assertThatThrownBy(
            () ->
                FfClient.builder("k")
                    .envKey("p")
                    .reconnectBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1))
                    .build())
        .hasMessageContaining("reconnectBackoff");
  }
}
