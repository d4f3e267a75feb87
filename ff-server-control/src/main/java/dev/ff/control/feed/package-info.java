/**
 * The config feed: one dedicated connection per control-plane replica doing {@code LISTEN
 * ff_config}, so that every replica hears of every publish and can push it to its SSE clients.
 */
package dev.ff.control.feed;
