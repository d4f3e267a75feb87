/**
 * Verified, compiled replicas of environment config documents fed by the control plane's config
 * stream, the L1 plan cache, the L2 document store (Redis) and the edge's metrics.
 */
package dev.ff.edge.replica;
