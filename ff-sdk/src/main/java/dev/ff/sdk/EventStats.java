package dev.ff.sdk;

/**
 * Counters of the event pipeline since the client started.
 *
 * @param enqueued events accepted into the queue
 * @param sent events the endpoint accepted
 * @param dropped events lost: queue full, or still failing after every retry
 * @param deduplicated exposures not sent because the same unit, flag and variation was already seen
 */
public record EventStats(long enqueued, long sent, long dropped, long deduplicated) {}
