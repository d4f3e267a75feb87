/**
 * The Java SDK's per-call cost beside the core evaluator in one JVM ({@link
 * dev.ff.jmh.sdk.SdkOverheadBench}) and its exposure dedup table's path ({@link
 * dev.ff.jmh.sdk.TablePathBench}): not part of the peer table.
 */
package dev.ff.jmh.sdk;
