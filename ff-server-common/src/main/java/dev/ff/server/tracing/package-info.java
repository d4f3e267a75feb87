/** OpenTelemetry server spans. */
package dev.ff.server.tracing;
