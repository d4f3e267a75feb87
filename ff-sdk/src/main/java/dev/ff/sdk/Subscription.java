package dev.ff.sdk;

/** A registered listener; {@link #close()} removes it. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
  /** Removes the listener. */
  @Override
  void close();
}
