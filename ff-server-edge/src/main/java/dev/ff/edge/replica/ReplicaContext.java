package dev.ff.edge.replica;

import dev.ff.core.document.KeyRing;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the replicas of one edge share.
 *
 * @param controlUrl base URL of the control plane
 * @param keys the keys a document's signature must verify against
 * @param clock time source (propagation delay, stream idleness)
 * @param scheduler runs backoff, polling and idle checks (never blocking work)
 * @param workers runs the blocking work: stream reads and document fetches
 * @param http the HTTP client of the control plane
 * @param store the L2 document store ({@link DocumentStore#NONE} without Redis)
 * @param plans the L1 cache of compiled plans
 * @param metrics the edge's metrics
 * @param minBackoff first reconnect delay
 * @param maxBackoff largest reconnect delay
 * @param pollInterval polling interval while the stream is down
 * @param streamIdleTimeout silence after which a stream is reconnected
 */
public record ReplicaContext(
    URI controlUrl,
    KeyRing keys,
    Clock clock,
    ScheduledExecutorService scheduler,
    ExecutorService workers,
    HttpClient http,
    DocumentStore store,
    PlanCache plans,
    EdgeMetrics metrics,
    Duration minBackoff,
    Duration maxBackoff,
    Duration pollInterval,
    Duration streamIdleTimeout) {}
