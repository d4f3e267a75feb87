package dev.ff.sdk;

/** How the client gets config documents. */
public enum DataMode {
  /** SSE stream (with ETag polling while the stream's circuit breaker is open); the default. */
  STREAMING,
  /** ETag polling only, every poll interval. */
  POLLING,
  /** No network at all: the bootstrap config (and the store) only; events are not sent. */
  OFFLINE
}
