/**
 * A benchmark of the SDK's exposure dedup table beside the core evaluator (not part of the peer
 * table): {@link dev.ff.jmh.peers.ff_sdk.dedup.TablePathBench}.
 */
package dev.ff.jmh.peers.ff_sdk.dedup;
