package dev.ff.server.tls;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * One-line WARN summaries of handshake failures, at most one per reason per interval (with the
 * number of similar failures since the last one); the rest at DEBUG. {@link
 * HandshakeFailure#CLOSED} is always DEBUG: load-balancer TCP checks cause it all day long.
 */
final class FailureLog {
  private final Logger log;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final Map<HandshakeFailure, long[]> state = new EnumMap<>(HandshakeFailure.class);

  /**
   * A log.
   *
   * @param log where lines go
   * @param intervalNanos the least time between two WARN lines of one reason
   * @param nanoTime the clock (e.g. {@code System::nanoTime})
   */
  FailureLog(Logger log, long intervalNanos, LongSupplier nanoTime) {
    this.log = log;
    this.intervalNanos = intervalNanos;
    this.nanoTime = nanoTime;
  }

  /**
   * Logs one failure.
   *
   * @param reason its reason
   * @param peer the client's address
   * @param detail a short description (an exception message, not a stack trace)
   * @return whether it went out at WARN
   */
  boolean failed(HandshakeFailure reason, Object peer, String detail) {
    long suppressed;
    synchronized (state) {
      long now = nanoTime.getAsLong();
      // [0]: time of the last WARN line, [1]: failures since, [2]: whether a WARN was ever written
      long[] s = state.computeIfAbsent(reason, r -> new long[3]);
      if (reason == HandshakeFailure.CLOSED || (s[2] == 1 && now - s[0] < intervalNanos)) {
        s[1]++;
        suppressed = -1;
      } else {
        suppressed = s[1];
        s[0] = now;
        s[1] = 0;
        s[2] = 1;
      }
    }
    if (suppressed < 0) {
      log.debug("TLS handshake with {} failed ({}): {}", peer, reason.label(), detail);
      return false;
    }
    if (suppressed == 0) {
      log.warn("TLS handshake with {} failed ({}): {}", peer, reason.label(), detail);
    } else {
      log.warn(
          "TLS handshake with {} failed ({}): {} [{} more since the last such line]",
          peer,
          reason.label(),
          detail,
          suppressed);
    }
    return true;
  }
}
