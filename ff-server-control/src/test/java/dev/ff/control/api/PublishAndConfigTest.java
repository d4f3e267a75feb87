package dev.ff.control.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.ControlPlaneServer;
import dev.ff.control.Fixtures;
import dev.ff.control.TestDatabase;
import dev.ff.control.api.ApiClient.Res;
import dev.ff.core.document.Canonicalizer;
import dev.ff.core.document.ConfigPatches;
import dev.ff.core.document.DocumentSigner;
import dev.ff.core.document.KeyRing;
import dev.ff.core.document.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Publishing, rollback, config delivery with ETags and the SSE stream, through HTTP. */
class PublishAndConfigTest {

  static final KeyRing RING =
      KeyRing.of(new SigningKey("k1", "test-secret-1".getBytes(StandardCharsets.UTF_8)));

  private static TestDatabase db;
  private static ControlPlaneServer server;
  private static ApiClient root;
  private static ApiClient admin;
  private static ApiClient sdk;

  @BeforeAll
  static void start() {
    db = TestDatabase.create();
    server = TestServers.start(db);
    root = new ApiClient(server.url(), TestServers.ROOT_TOKEN);
    root.post("/v1/orgs", ApiCrudTest.q("{'key':'acme','name':'Acme'}"));
    admin =
        root.as(
            root.post("/v1/orgs/acme/tokens", ApiCrudTest.q("{'name':'ci','kind':'admin'}"))
                .json()
                .get("secret")
                .asText());
    admin.post("/v1/orgs/acme/projects", ApiCrudTest.q("{'key':'shop','name':'Shop'}"));
    for (String env : List.of("prod", "race", "stream")) {
      admin.post(
          "/v1/orgs/acme/projects/shop/environments",
          ApiCrudTest.q("{'key':'" + env + "','name':'" + env + "'}"));
    }
    sdk =
        root.as(
            admin
                .post(
                    "/v1/orgs/acme/tokens",
                    ApiCrudTest.q("{'name':'web','kind':'sdk','project':'shop','env':'stream'}"))
                .json()
                .get("secret")
                .asText());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (db != null) {
      db.close();
    }
  }

  static String env(String key) {
    return "/v1/orgs/acme/projects/shop/environments/" + key;
  }

  @Test
  void publishIsIdempotentAndRollsBack() {
    String env = env("prod");
    admin.post(env + "/flags", Fixtures.booleanFlag("f1").toString());
    Res first = admin.post(env + "/publish", null, "Idempotency-Key", "deploy-1");
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().get("version").asLong()).isEqualTo(1);
    assertThat(first.header("Location")).isEqualTo(env + "/versions/1");
    Res replay = admin.post(env + "/publish", null, "Idempotency-Key", "deploy-1");
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.header("Idempotency-Replayed")).isEqualTo("true");
    assertThat(replay.json().get("version").asLong()).isEqualTo(1);

    admin.patch(env + "/flags/f1", "{\"enabled\":false}", "If-Match", "\"1\"");
    Res second = admin.post(env + "/flags/f1/publish", null);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().at("/document/flags/f1/enabled").asBoolean()).isFalse();
    assertThat(admin.post(env + "/flags/nope/publish", null).status()).isEqualTo(404);

    Res versions = admin.get(env + "/versions?limit=1");
    assertThat(versions.json().at("/items/0/version").asLong()).isEqualTo(2);
    assertThat(versions.json().get("nextCursor").isNull()).isFalse();
    Res v1 = admin.get(env + "/versions/1");
    assertThat(v1.etag()).isEqualTo("\"1\"");
    assertThat(DocumentSigner.verify(v1.json().get("document"), RING).valid()).isTrue();
    assertThat(admin.get(env + "/versions/99").status()).isEqualTo(404);

    Res rolledBack = admin.post(env + "/rollback", "{\"toVersion\":1}");
    assertThat(rolledBack.status()).isEqualTo(201);
    assertThat(rolledBack.json().get("version").asLong()).isEqualTo(3);
    assertThat(rolledBack.json().get("rollbackOf").asLong()).isEqualTo(1);
    assertThat(rolledBack.json().at("/document/flags/f1/enabled").asBoolean()).isTrue();
    assertThat(admin.post(env + "/rollback", "{\"toVersion\":\"one\"}").status()).isEqualTo(422);
    assertThat(admin.post(env + "/rollback", "{}").status()).isEqualTo(422);
    assertThat(admin.post(env + "/rollback", "{\"toVersion\":42}").status()).isEqualTo(404);

    Res config = admin.get(env + "/config");
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.etag()).isEqualTo("\"3\"");
    assertThat(config.header("Cache-Control")).startsWith("max-age=");
    Res unchanged = admin.get(env + "/config", "If-None-Match", "\"3\"");
    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(unchanged.etag()).isEqualTo("\"3\"");
    assertThat(admin.get(env + "/config", "If-None-Match", "\"2\"").status()).isEqualTo(200);
  }

  @Test
  void concurrentPublishesGetConsecutiveVersions() throws Exception {
    String env = env("race");
    admin.post(env + "/flags", Fixtures.booleanFlag("r1").toString());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Res>> futures = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        futures.add(pool.submit(() -> admin.post(env + "/publish", null)));
      }
      List<Long> versions = new ArrayList<>();
      for (Future<Res> future : futures) {
        Res res = future.get();
        assertThat(res.status()).isEqualTo(201);
        versions.add(res.json().get("version").asLong());
      }
      assertThat(versions).containsExactlyInAnyOrderElementsOf(range(1, 16));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sdkConfigAndStream() throws Exception {
    String env = env("stream");
    assertThat(sdk.get("/v1/configs/stream").status()).isEqualTo(404);
    admin.post(env + "/flags", Fixtures.booleanFlag("s1").toString());
    admin.post(env + "/publish", null);

    Res config = sdk.get("/v1/configs/stream");
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.etag()).isEqualTo("\"1\"");
    assertThat(sdk.get("/v1/configs/stream", "If-None-Match", "\"1\"").status()).isEqualTo(304);
    assertThat(sdk.get("/v1/configs/prod").status()).isEqualTo(403);
    assertThat(sdk.get(env("prod") + "/config").status()).isEqualTo(403);
    assertThat(sdk.get(env + "/config").status()).isEqualTo(200);
    assertThat(admin.get("/v1/configs/stream").status()).isEqualTo(403);

    try (SseClient stream = SseClient.open(sdk, "/v1/configs/stream/stream", null)) {
      assertThat(stream.status).isEqualTo(200);
      await().atMost(Duration.ofSeconds(10)).until(() -> !stream.named("config").isEmpty());
      ObjectNode doc = (ObjectNode) ApiClient.MAPPER.readTree(stream.named("config").get(0).data());
      assertThat(stream.named("config").get(0).id()).isEqualTo("1");
      assertThat(DocumentSigner.verify(doc, RING).valid()).isTrue();

      admin.patch(env + "/flags/s1", "{\"enabled\":false}", "If-Match", "\"1\"");
      admin.post(env + "/publish", null);
      await().atMost(Duration.ofSeconds(10)).until(() -> !stream.named("patch").isEmpty());
      SseClient.Event patchEvent = stream.named("patch").get(0);
      assertThat(patchEvent.id()).isEqualTo("2");
      JsonNode patch = ApiClient.MAPPER.readTree(patchEvent.data());
      assertThat(patch.get("baseVersion").asLong()).isEqualTo(1);
      ObjectNode patched = ConfigPatches.apply(doc, patch);
      assertThat(DocumentSigner.verify(patched, RING).valid()).isTrue();
      assertThat(patched.at("/flags/s1/enabled").asBoolean()).isFalse();
      assertThat(Canonicalizer.canonicalize(patched))
          .isEqualTo(Canonicalizer.canonicalize(sdk.get("/v1/configs/stream").json()));
    }

    // Resume: one version behind gets a patch, up to date gets nothing, unknown gets a config.
    admin.post(env + "/flags", Fixtures.booleanFlag("s2").toString());
    admin.post(env + "/publish", null);
    try (SseClient behind = SseClient.open(sdk, "/v1/configs/stream/stream", "2");
        SseClient current = SseClient.open(sdk, env + "/config/stream", "3");
        SseClient stale = SseClient.open(admin, env + "/config/stream", "1")) {
      await().atMost(Duration.ofSeconds(10)).until(() -> !behind.events.isEmpty());
      assertThat(behind.events.get(0).event()).isEqualTo("patch");
      assertThat(behind.events.get(0).id()).isEqualTo("3");
      await().atMost(Duration.ofSeconds(10)).until(() -> !stale.events.isEmpty());
      assertThat(stale.events.get(0).event()).isEqualTo("config");
      admin.post(env + "/publish", null);
      await().atMost(Duration.ofSeconds(10)).until(() -> !current.events.isEmpty());
      assertThat(current.events.get(0).event()).isEqualTo("patch");
      assertThat(current.events.get(0).id()).isEqualTo("4");
    }
  }

  private static List<Long> range(long from, long to) {
    List<Long> values = new ArrayList<>();
    for (long v = from; v <= to; v++) {
      values.add(v);
    }
    return values;
  }
}
