package dev.ff.sdk.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with "equal jitter": a delay uniformly in [base/2, base]. */
public final class Backoff {
  private final long initialMillis;
  private final long maxMillis;
  private int attempt;

  /**
   * A backoff.
   *
   * @param initial the first delay's upper bound
   * @param max the cap
   */
  public Backoff(Duration initial, Duration max) {
    this.initialMillis = Math.max(1, initial.toMillis());
    this.maxMillis = Math.max(initialMillis, max.toMillis());
  }

  /**
   * The next delay, growing with each call until {@link #reset}.
   *
   * @return the delay
   */
  public synchronized Duration next() {
    long base = initialMillis << Math.min(attempt, 20);
    base = Math.min(maxMillis, base);
    attempt++;
    long half = base / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(base - half + 1));
  }

  /** Starts again from the initial delay (after a success). */
  public synchronized void reset() {
    attempt = 0;
  }

  /**
   * How many delays were handed out since the last reset.
   *
   * @return the attempt count
   */
  public synchronized int attempts() {
    return attempt;
  }
}
