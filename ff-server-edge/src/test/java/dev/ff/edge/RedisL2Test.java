package dev.ff.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.document.Canonicalizer;
import dev.ff.edge.replica.RedisDocumentStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Redis L2 store at {@code ff.test.redis.url} (default 127.0.0.1:6379). */
class RedisL2Test {
  static final Duration WAIT = Duration.ofSeconds(15);
  static final String REDIS = System.getProperty("ff.test.redis.url", "redis://127.0.0.1:6379");

  static RedisClient client;
  static StatefulRedisConnection<String, String> connection;
  static RedisCommands<String, String> redis;

  @BeforeAll
  static void connect() {
    client = RedisClient.create(REDIS);
    connection = client.connect();
    redis = connection.sync();
  }

  @AfterAll
  static void disconnect() {
    connection.close();
    client.shutdown();
  }

  static String env() {
    return "e" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  static String deadControlPlane() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  static EdgeConfig config(String controlUrl, Map<String, String> envs) {
    return EdgeConfig.defaults()
        .withPort(0)
        .withControlUrl(controlUrl)
        .withEnvironments(envs)
        .withSigningKeys("k1:test-secret-1")
        .withRedisUrl(REDIS)
        .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
        .withPollInterval(Duration.ofMillis(200));
  }

  @Test
  void writesVerifiedDocumentsToRedis() throws Exception {
    String env = env();
    try (FakeControlPlane fake = new FakeControlPlane();
        EdgeServer edge = new EdgeServer(config(fake.url(), Map.of(env, "t"))).start()) {
      await().atMost(WAIT).until(fake::streamOpen);
      ObjectNode doc = FakeControlPlane.doc(env, 1, true, FakeControlPlane.K1);
      fake.send("config", 1, doc.toString());
      await().atMost(WAIT).until(() -> edge.replica(env).orElseThrow().version() == 1);
      await().atMost(WAIT).until(() -> redis.get(RedisDocumentStore.key(env)) != null);
      assertThat(Canonicalizer.canonicalize(Http.MAPPER.readTree(redis.get("ff:config:" + env))))
          .isEqualTo(Canonicalizer.canonicalize(doc));
    } finally {
      redis.del(RedisDocumentStore.key(env));
    }
  }

  @Test
  void coldStartsFromRedisWhileTheControlPlaneIsDown() throws Exception {
    String a = env();
    String b = env();
    String tampered = env();
    redis.set(
        RedisDocumentStore.key(a),
        FakeControlPlane.doc(a, 7, true, FakeControlPlane.K1).toString());
    redis.set(
        RedisDocumentStore.key(b),
        FakeControlPlane.doc(b, 3, false, FakeControlPlane.K1).toString());
    ObjectNode lie = FakeControlPlane.doc(tampered, 9, true, FakeControlPlane.K1);
    ((ObjectNode) lie.at("/flags/f")).put("enabled", false);
    redis.set(RedisDocumentStore.key(tampered), lie.toString());
    Map<String, String> envs = new LinkedHashMap<>();
    envs.put(a, "ta");
    envs.put(b, "tb");
    envs.put(tampered, "tc");
    // One compiled environment at a time: the others recompile from their verified documents.
    try (EdgeServer edge =
        new EdgeServer(config(deadControlPlane(), envs).withMaxCompiledEnvironments(1)).start()) {
      await().atMost(WAIT).until(() -> edge.replica(a).orElseThrow().isReady());
      await().atMost(WAIT).until(() -> edge.replica(b).orElseThrow().isReady());
      await().atMost(WAIT).until(() -> edge.replica(tampered).orElseThrow().rejectedCount() >= 1);
      assertThat(edge.replica(tampered).orElseThrow().isReady()).isFalse();
      assertThat(Http.get(edge.url() + "/ready", null).status()).isEqualTo(503);
      for (int i = 0; i < 3; i++) {
        assertThat(evaluate(edge, a, "ta").get("reason").asText()).isEqualTo("TARGETING_MATCH");
        assertThat(evaluate(edge, a, "ta").get("configVersion").asLong()).isEqualTo(7);
        assertThat(evaluate(edge, b, "tb").get("reason").asText()).isEqualTo("DISABLED");
      }
      String metrics = Http.get(edge.url() + "/metrics", null).body();
      assertThat(metrics).contains("edge_cache_hits_total{level=\"l2\"} 3.0");
      assertThat(metrics).containsPattern("edge_cache_misses_total\\{level=\"l1\"} [1-9]");
      assertThat(
              Http.post(
                      edge.url() + "/evaluate",
                      "tc",
                      Http.q("{'envKey':'" + tampered + "','flagKey':'f','context':{}}"))
                  .status())
          .isEqualTo(503);
    } finally {
      redis.del(
          RedisDocumentStore.key(a), RedisDocumentStore.key(b), RedisDocumentStore.key(tampered));
    }
  }

  static com.fasterxml.jackson.databind.JsonNode evaluate(EdgeServer edge, String env, String t) {
    Http.Res res =
        Http.post(
            edge.url() + "/evaluate",
            t,
            Http.q("{'envKey':'" + env + "','flagKey':'f','context':{'country':'NL'}}"));
    assertThat(res.status()).isEqualTo(200);
    return res.json();
  }
}
