package dev.ff.server.http;

/**
 * One condition of {@code /ready}. Runs on the event loop on every probe: keep it a cheap read of
 * state maintained elsewhere.
 */
@FunctionalInterface
public interface ReadinessCheck {

  /**
   * Whether this part of the server is ready; an exception counts as not ready.
   *
   * @return true when ready
   */
  boolean isReady();
}
