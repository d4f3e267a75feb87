/**
 * Built-in {@link dev.ff.sdk.spi.ConfigStore}s: in memory, and Redis (Lettuce, optional dependency)
 * so that several processes share one copy of the last verified document.
 */
package dev.ff.sdk.store;
