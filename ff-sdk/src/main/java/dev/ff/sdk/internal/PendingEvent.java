package dev.ff.sdk.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An event accepted on the caller's thread and built into its JSON form only when the event
 * processor flushes, on the processor's thread: the caller pays for capturing a few references, not
 * for the unit hash (HMAC-SHA256), the event id ({@code SecureRandom}) or the JSON tree.
 */
@FunctionalInterface
public interface PendingEvent {
  /**
   * Builds the event.
   *
   * @return the event's JSON
   * @throws RuntimeException when it cannot be built (the processor counts it as dropped)
   */
  ObjectNode build();
}
