package dev.ff.jmh.peers.flagd;

import dev.ff.jmh.harness.Peer;
import dev.ff.jmh.scenarios.S3ManyUsersBench;
import dev.openfeature.sdk.EvaluationContext;

/**
 * OpenFeature + flagd on the S3 scenario; the benchmark methods come from {@link S3ManyUsersBench}.
 */
public class S3ManyUsers extends S3ManyUsersBench<EvaluationContext> {
  @Override
  protected Peer<EvaluationContext> createPeer() {
    return new FlagdPeer();
  }
}
