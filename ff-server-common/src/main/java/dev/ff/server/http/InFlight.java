package dev.ff.server.http;

import java.time.Duration;

/** Counts requests between receipt and response, so shutdown can wait for them. */
final class InFlight {

  private int count;

  synchronized void enter() {
    count++;
  }

  synchronized void exit() {
    count--;
    if (count <= 0) {
      notifyAll();
    }
  }

  synchronized int count() {
    return count;
  }

  /** Waits until no request is in flight; true when reached within the timeout. */
  synchronized boolean awaitZero(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      long millis = Math.max(1, left / 1_000_000);
      wait(millis);
    }
    return true;
  }
}
