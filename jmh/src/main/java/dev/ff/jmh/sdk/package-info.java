/**
 * The Java SDK's per-call cost beside the core evaluator in one JVM ({@link
 * dev.ff.jmh.sdk.SdkOverheadBench}): not part of the peer table.
 */
package dev.ff.jmh.sdk;
