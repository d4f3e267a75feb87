/**
 * Unleash with its per-evaluation event dispatch run on the calling thread: a diagnostic variant,
 * not the SDK's default, that shows how much of Unleash's time is the hand-off to its background
 * executor. Same client and flag file as {@link dev.ff.jmh.peers.unleash}.
 */
package dev.ff.jmh.peers.unleash_inline;
