package dev.ff.sdk;

import static dev.ff.sdk.ScriptedServer.sse;
import static dev.ff.sdk.TestDocs.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ff.sdk.store.RedisConfigStore;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Redis store (127.0.0.1:6379): one process writes, another starts from the shared copy. */
class RedisStoreTest {
  private static final String URI =
      System.getProperty("ff.test.redis.uri", "redis://127.0.0.1:6379");

  @Test
  void aSecondProcessStartsFromTheSharedCopy() throws Exception {
    String prefix = "ff:test:" + UUID.randomUUID() + ":";
    try (ScriptedServer server = new ScriptedServer()) {
      server.streams.add(sse(event("config", 4, TestDocs.signed(4, true))));
      try (FfClient writer =
          FfClient.builder("ffs_test")
              .envKey("test")
              .endpoint(server.url())
              .signingKey("k1", TestDocs.SECRET)
              .events(false)
              .store(RedisConfigStore.connect(URI, prefix, Duration.ofSeconds(2)))
              .build()) {
        assertThat(writer.awaitInitialized(Duration.ofSeconds(5)).isReady()).isTrue();
      }
      try (RedisConfigStore store = RedisConfigStore.connect(URI, prefix, Duration.ofSeconds(2))) {
        await().atMost(Duration.ofSeconds(5)).until(() -> store.get("test").isPresent());
        // An older version never replaces a newer one.
        store.put("test", 3, TestDocs.signed(3, false).toString());
        assertThat(
                TestDocs.MAPPER.readTree(store.get("test").orElseThrow()).get("version").asLong())
            .isEqualTo(4);
      }
      try (FfClient reader =
          FfClient.builder(null)
              .offline(true)
              .envKey("test")
              .signingKey("k1", TestDocs.SECRET)
              .store(RedisConfigStore.connect(URI, prefix, Duration.ofSeconds(2)))
              .build()) {
        assertThat(reader.awaitInitialized(Duration.ZERO).isReady()).isTrue();
        assertThat(reader.configVersion()).isEqualTo(4);
        assertThat(reader.isEnabled("banner", Context.of("u"))).isTrue();
      }
    }
  }
}
