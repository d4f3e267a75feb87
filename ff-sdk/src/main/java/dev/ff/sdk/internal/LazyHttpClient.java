package dev.ff.sdk.internal;

import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The client's one {@link OkHttpClient}, built on first use.
 *
 * <p>Building an {@code OkHttpClient} loads the platform's TLS trust store and initialises JSSE,
 * even for plain {@code http} endpoints. A client whose config comes from a bootstrap document or a
 * custom {@link dev.ff.sdk.spi.DataSource} sends nothing until its first event flush, so it builds
 * nothing until then. Besides start-up time and memory, this matters for speed: on JDK 17,
 * evaluations in a process that had built the client measured slower and varied from run to run
 * (the evaluator's compiled code, not the SHA-256 instructions, took the extra time;
 * docs/performance.md §5).
 */
public final class LazyHttpClient {
  private final Supplier<OkHttpClient> factory;
  private volatile OkHttpClient client;
  private boolean shutDown; // guarded by this

  /**
   * A holder that calls {@code factory} the first time a client is needed.
   *
   * @param factory builds the client
   */
  public LazyHttpClient(Supplier<OkHttpClient> factory) {
    this.factory = factory;
  }

  /**
   * The client, built now if this is the first use.
   *
   * @return the client
   */
  public OkHttpClient get() {
    OkHttpClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          c = factory.get();
          if (shutDown) {
            stop(c); // a late first use (an event flush racing close()): no thread outlives it
          }
          client = c;
        }
      }
    }
    return c;
  }

  /**
   * Whether the client has been built.
   *
   * @return true after the first {@link #get()}
   */
  public boolean isBuilt() {
    return client != null;
  }

  /**
   * Stops the client's dispatcher threads and closes its idle connections, if it was built; a
   * client built after this is stopped the same way as soon as it is built (synchronous calls still
   * work, asynchronous ones are refused).
   */
  public void shutdown() {
    OkHttpClient c;
    synchronized (this) {
      shutDown = true;
      c = client;
    }
    if (c != null) {
      stop(c);
    }
  }

  private static void stop(OkHttpClient c) {
    c.dispatcher().executorService().shutdown();
    c.connectionPool().evictAll();
  }
}
