package dev.ff.server.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Network, limit and threading settings of an {@link HttpServer}.
 *
 * <p>Start from {@link #defaults()} and adjust with the {@code with…} copies.
 *
 * @param host interface to bind (default {@code 127.0.0.1})
 * @param port TCP port; {@code 0} binds an ephemeral port (see {@link HttpServer#port()})
 * @param maxBodyBytes largest accepted request body; larger bodies get {@code 413}
 * @param maxHeaderBytes largest accepted header block; larger ones get {@code 431}
 * @param maxInitialLineBytes largest accepted request line; longer ones get {@code 414}
 * @param idleTimeout a connection with no traffic and no request in flight is closed after this
 * @param ioThreads Netty event-loop threads
 * @param blockingThreads threads of the bounded executor that runs non-inline handlers
 * @param blockingQueueCapacity queue length of that executor; a full queue answers {@code 503}
 * @param shutdownGrace how long {@link HttpServer#close()} waits for in-flight requests
 * @param heartbeatInterval interval of the {@code : ping} comment on Server-Sent Event streams
 * @param sseMaxUnwritable an SSE stream whose connection stays unwritable this long is closed
 * @param cors which browser origins may call the server from scripts
 */
public record ServerConfig(
    String host,
    int port,
    int maxBodyBytes,
    int maxHeaderBytes,
    int maxInitialLineBytes,
    Duration idleTimeout,
    int ioThreads,
    int blockingThreads,
    int blockingQueueCapacity,
    Duration shutdownGrace,
    Duration heartbeatInterval,
    Duration sseMaxUnwritable,
    CorsPolicy cors) {

  /** Validates the settings. */
  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    Objects.requireNonNull(sseMaxUnwritable, "sseMaxUnwritable");
    Objects.requireNonNull(cors, "cors");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    requirePositive(maxBodyBytes, "maxBodyBytes");
    requirePositive(maxHeaderBytes, "maxHeaderBytes");
    requirePositive(maxInitialLineBytes, "maxInitialLineBytes");
    requirePositive(ioThreads, "ioThreads");
    requirePositive(blockingThreads, "blockingThreads");
    requirePositive(blockingQueueCapacity, "blockingQueueCapacity");
    requirePositive(idleTimeout.toMillis(), "idleTimeout");
    requirePositive(heartbeatInterval.toMillis(), "heartbeatInterval");
    requirePositive(sseMaxUnwritable.toMillis(), "sseMaxUnwritable");
    if (shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("shutdownGrace must not be negative");
    }
  }

  private static void requirePositive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  /**
   * The default settings: {@code 127.0.0.1}, ephemeral port, 1 MiB bodies, 16 KiB headers, 8 KiB
   * request line, 60 s idle timeout, 2 I/O threads, 32 blocking threads with a queue of 256, 10 s
   * shutdown grace, 15 s SSE heartbeat, 30 s SSE unwritable bound, no cross-origin access.
   *
   * @return the defaults
   */
  public static ServerConfig defaults() {
    return new ServerConfig(
        "127.0.0.1",
        0,
        1024 * 1024,
        16 * 1024,
        8 * 1024,
        Duration.ofSeconds(60),
        2,
        32,
        256,
        Duration.ofSeconds(10),
        Duration.ofSeconds(15),
        Duration.ofSeconds(30),
        CorsPolicy.none());
  }

  /**
   * Copy with another host.
   *
   * @param value the host
   * @return the copy
   */
  public ServerConfig withHost(String value) {
    return new ServerConfig(
        value,
        port,
        maxBodyBytes,
        maxHeaderBytes,
        maxInitialLineBytes,
        idleTimeout,
        ioThreads,
        blockingThreads,
        blockingQueueCapacity,
        shutdownGrace,
        heartbeatInterval,
        sseMaxUnwritable,
        cors);
  }

  /**
   * Copy with another port.
   *
   * @param value the port, 0 for ephemeral
   * @return the copy
   */
  public ServerConfig withPort(int value) {
    return new ServerConfig(
        host,
        value,
        maxBodyBytes,
        maxHeaderBytes,
        maxInitialLineBytes,
        idleTimeout,
        ioThreads,
        blockingThreads,
        blockingQueueCapacity,
        shutdownGrace,
        heartbeatInterval,
        sseMaxUnwritable,
        cors);
  }

  /**
   * Copy with another body limit.
   *
   * @param value the limit in bytes
   * @return the copy
   */
  public ServerConfig withMaxBodyBytes(int value) {
    return new ServerConfig(
        host,
        port,
        value,
        maxHeaderBytes,
        maxInitialLineBytes,
        idleTimeout,
        ioThreads,
        blockingThreads,
        blockingQueueCapacity,
        shutdownGrace,
        heartbeatInterval,
        sseMaxUnwritable,
        cors);
  }

  /**
   * Copy with another header-block limit.
   *
   * @param value the limit in bytes
   * @return the copy
   */
  public ServerConfig withMaxHeaderBytes(int value) {
    return new ServerConfig(
        host,
        port,
        maxBodyBytes,
        value,
        maxInitialLineBytes,
        idleTimeout,
        ioThreads,
        blockingThreads,
        blockingQueueCapacity,
        shutdownGrace,
        heartbeatInterval,
        sseMaxUnwritable,
        cors);
  }

  /**
   * Copy with another request-line limit.
   *
   * @param value the limit in bytes
   * @return the copy
   */
  public ServerConfig withMaxInitialLineBytes(int value) {
    return new ServerConfig(
        host,
        port,
        maxBodyBytes,
        maxHeaderBytes,
        value,
        idleTimeout,
        ioThreads,
        blockingThreads,
        blockingQueueCapacity,
        shutdownGrace,
        heartbeatInterval,
        sseMaxUnwritable,
        cors);
  }

  /**
   * Copy with another idle timeout.
   *
   * @param value the timeout
   * @return the copy
   */
  public ServerConfig withIdleTimeout(Duration value) {
    return new ServerConfig(
        host,
        port,
        maxBodyBytes,
        maxHeaderBytes,
        maxInitialLineBytes,
        value,
        ioThreads,
        blockingThreads,
        blockingQueueCapacity,
        shutdownGrace,
        heartbeatInterval,
        sseMaxUnwritable,
        cors);
  }

  /**
   * Copy with another number of event-loop threads.
   *
   * @param value the thread count
   * @return the copy
   */
  public ServerConfig withIoThreads(int value) {
    return new ServerConfig(
        host,
        port,
        maxBodyBytes,
        maxHeaderBytes,
        maxInitialLineBytes,
        idleTimeout,
        value,
        blockingThreads,
        blockingQueueCapacity,
        shutdownGrace,
        heartbeatInterval,
        sseMaxUnwritable,
        cors);
  }

  /**
   * Copy with another number of blocking threads.
   *
   * @param value the thread count
   * @return the copy
   */
  public ServerConfig withBlockingThreads(int value) {
    return new ServerConfig(
        host,
        port,
        maxBodyBytes,
        maxHeaderBytes,
        maxInitialLineBytes,
        idleTimeout,
        ioThreads,
        value,
        blockingQueueCapacity,
        shutdownGrace,
        heartbeatInterval,
        sseMaxUnwritable,
        cors);
  }

  /**
   * Copy with another blocking queue capacity.
   *
   * @param value the capacity
   * @return the copy
   */
  public ServerConfig withBlockingQueueCapacity(int value) {
    return new ServerConfig(
        host,
        port,
        maxBodyBytes,
        maxHeaderBytes,
        maxInitialLineBytes,
        idleTimeout,
        ioThreads,
        blockingThreads,
        value,
        shutdownGrace,
        heartbeatInterval,
        sseMaxUnwritable,
        cors);
  }

  /**
   * Copy with another shutdown grace period.
   *
   * @param value the grace period
   * @return the copy
   */
  public ServerConfig withShutdownGrace(Duration value) {
    return new ServerConfig(
        host,
        port,
        maxBodyBytes,
        maxHeaderBytes,
        maxInitialLineBytes,
        idleTimeout,
        ioThreads,
        blockingThreads,
        blockingQueueCapacity,
        value,
        heartbeatInterval,
        sseMaxUnwritable,
        cors);
  }

  /**
   * Copy with another SSE heartbeat interval.
   *
   * @param value the interval
   * @return the copy
   */
  public ServerConfig withHeartbeatInterval(Duration value) {
    return new ServerConfig(
        host,
        port,
        maxBodyBytes,
        maxHeaderBytes,
        maxInitialLineBytes,
        idleTimeout,
        ioThreads,
        blockingThreads,
        blockingQueueCapacity,
        shutdownGrace,
        value,
        sseMaxUnwritable,
        cors);
  }

  /**
   * Copy with another bound on how long an SSE connection may stay unwritable.
   *
   * @param value the bound
   * @return the copy
   */
  public ServerConfig withSseMaxUnwritable(Duration value) {
    return new ServerConfig(
        host,
        port,
        maxBodyBytes,
        maxHeaderBytes,
        maxInitialLineBytes,
        idleTimeout,
        ioThreads,
        blockingThreads,
        blockingQueueCapacity,
        shutdownGrace,
        heartbeatInterval,
        value,
        cors);
  }

  /**
   * Copy with another CORS policy.
   *
   * @param value the policy
   * @return the copy
   */
  public ServerConfig withCors(CorsPolicy value) {
    return new ServerConfig(
        host,
        port,
        maxBodyBytes,
        maxHeaderBytes,
        maxInitialLineBytes,
        idleTimeout,
        ioThreads,
        blockingThreads,
        blockingQueueCapacity,
        shutdownGrace,
        heartbeatInterval,
        sseMaxUnwritable,
        value);
  }
}
