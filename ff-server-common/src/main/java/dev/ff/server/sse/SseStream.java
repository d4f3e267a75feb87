package dev.ff.server.sse;

/**
 * An open Server-Sent Events stream, handed to the callback of {@code Response.sse}. All methods
 * are thread-safe and never block: when the connection cannot take more data (its write buffer is
 * above the high-water mark) {@link #send} returns false and the event is dropped; a connection
 * that stays unwritable past a bound is closed, so a client that never reads cannot make the server
 * buffer without bound.
 */
public interface SseStream {

  /**
   * Sends one event.
   *
   * @param id the {@code id:} field, or null for none
   * @param event the {@code event:} field, or null for the default {@code message}
   * @param data the payload; multi-line data is split into several {@code data:} lines
   * @return true when the event was queued for sending, false when the stream is closed or the
   *     connection is not writable
   * @throws IllegalArgumentException when {@code id} or {@code event} contains a line break
   */
  boolean send(String id, String event, String data);

  /**
   * Sends an event with only data.
   *
   * @param data the payload
   * @return as {@link #send(String, String, String)}
   */
  default boolean send(String data) {
    return send(null, null, data);
  }

  /**
   * Sends a comment line ({@code : text}), ignored by clients; the server's heartbeat is {@code :
   * ping}.
   *
   * @param text the comment
   * @return as {@link #send(String, String, String)}
   */
  boolean comment(String text);

  /**
   * Whether the stream is still open.
   *
   * @return true while open
   */
  boolean isOpen();

  /**
   * Whether the connection currently accepts more data without exceeding its write buffer.
   *
   * @return true when writable
   */
  boolean isWritable();

  /**
   * Registers a callback run once when the stream closes for any reason (client gone, {@link
   * #close()}, unwritable too long, server shutdown); runs at once if already closed.
   *
   * @param callback the callback
   */
  void onClose(Runnable callback);

  /** Ends the stream and closes its connection. Idempotent. */
  void close();
}
