package dev.ff.edge.replica;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DocumentStore} on Redis (Lettuce): key {@code ff:config:<envKey>}, value the document
 * text. Connects lazily and reconnects on the next call after a failure; commands time out after
 * two seconds; writes are asynchronous.
 */
public final class RedisDocumentStore implements DocumentStore {
  private static final Logger LOG = LoggerFactory.getLogger(RedisDocumentStore.class);

  /** Key prefix of the stored documents. */
  public static final String PREFIX = "ff:config:";

  private final RedisClient client;
  private StatefulRedisConnection<String, String> connection;

  /**
   * A store on a Redis server.
   *
   * @param url e.g. {@code redis://127.0.0.1:6379}
   */
  public RedisDocumentStore(String url) {
    RedisURI uri = RedisURI.create(url);
    uri.setTimeout(Duration.ofSeconds(2));
    this.client = RedisClient.create(uri);
  }

  /**
   * The Redis key of an environment's document.
   *
   * @param envKey the environment key
   * @return {@code ff:config:<envKey>}
   */
  public static String key(String envKey) {
    return PREFIX + envKey;
  }

  @Override
  public Optional<String> load(String envKey) {
    try {
      return Optional.ofNullable(connection().sync().get(key(envKey)));
    } catch (RedisException e) {
      LOG.warn("redis read of {} failed: {}", envKey, e.toString());
      reset();
      return Optional.empty();
    }
  }

  @Override
  public void save(String envKey, String json) {
    try {
      connection()
          .async()
          .set(key(envKey), json)
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  LOG.warn("redis write of {} failed: {}", envKey, error.toString());
                }
              });
    } catch (RedisException e) {
      LOG.warn("redis write of {} failed: {}", envKey, e.toString());
      reset();
    }
  }

  private synchronized StatefulRedisConnection<String, String> connection() {
    if (connection == null || !connection.isOpen()) {
      connection = client.connect();
    }
    return connection;
  }

  private synchronized void reset() {
    if (connection != null && !connection.isOpen()) {
      connection = null;
    }
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
