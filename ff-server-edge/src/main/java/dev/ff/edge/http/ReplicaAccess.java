package dev.ff.edge.http;

import dev.ff.edge.replica.EnvironmentReplica;
import dev.ff.server.http.ProblemException;
import dev.ff.server.http.Request;

/**
 * Which replica an authenticated request may use: the standalone edge serves a fixed set of
 * environments ({@link ConfiguredReplicas}); inside {@code ff serve} replicas start on demand for
 * the environments SDK tokens name ({@link OnDemandReplicas}).
 */
@FunctionalInterface
public interface ReplicaAccess {

  /**
   * The replica of an environment, if the request's principal may read it.
   *
   * @param request the authenticated request
   * @param envKey the environment key the request names
   * @return the replica
   * @throws ProblemException 401 without an SDK principal, 403 for another environment's token, 404
   *     for an environment this edge does not serve
   */
  EnvironmentReplica replicaFor(Request request, String envKey);
}
