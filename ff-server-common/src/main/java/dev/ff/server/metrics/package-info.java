/** Prometheus metrics owned by a server. */
package dev.ff.server.metrics;
