package dev.ff.sdk.store;

import dev.ff.sdk.spi.ConfigStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps documents in Redis (Lettuce), one hash per environment ({@code <prefix><envKey>} with
 * fields {@code version} and {@code document}), so that several processes share one copy. A write
 * only replaces an older version (checked atomically in a Lua script). Needs {@code
 * io.lettuce:lettuce-core} on the class path.
 */
public final class RedisConfigStore implements ConfigStore {
  private static final System.Logger LOG = System.getLogger("dev.ff.sdk");
  private static final String PUT_IF_NEWER =
      "local v = redis.call('HGET', KEYS[1], 'version') "
          + "if v and tonumber(v) >= tonumber(ARGV[1]) then return 0 end "
          + "redis.call('HSET', KEYS[1], 'version', ARGV[1], 'document', ARGV[2]) return 1";

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final String prefix;

  private RedisConfigStore(RedisClient client, String prefix) {
    this.client = client;
    this.connection = client.connect();
    this.prefix = prefix;
  }

  /**
   * Connects.
   *
   * @param uri e.g. {@code redis://127.0.0.1:6379}
   * @param keyPrefix prefix of the keys, e.g. {@code ff:config:}
   * @param timeout command timeout
   * @return the store
   */
  public static RedisConfigStore connect(String uri, String keyPrefix, Duration timeout) {
    RedisURI redisUri = RedisURI.create(uri);
    redisUri.setTimeout(timeout);
    RedisClient client = RedisClient.create(redisUri);
    try {
      return new RedisConfigStore(client, keyPrefix);
    } catch (RuntimeException e) {
      client.shutdown();
      throw e;
    }
  }

  @Override
  public Optional<String> get(String envKey) {
    try {
      return Optional.ofNullable(connection.sync().hget(prefix + envKey, "document"));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ff: redis get failed: " + e);
      return Optional.empty();
    }
  }

  @Override
  public void put(String envKey, long version, String document) {
    try {
      connection
          .sync()
          .eval(
              PUT_IF_NEWER,
              ScriptOutputType.INTEGER,
              new String[] {prefix + envKey},
              Long.toString(version),
              document);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ff: redis put failed: " + e);
    }
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
