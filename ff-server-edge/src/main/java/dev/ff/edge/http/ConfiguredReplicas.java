package dev.ff.edge.http;

import dev.ff.edge.replica.EnvironmentReplica;
import dev.ff.server.http.ProblemException;
import dev.ff.server.http.Request;
import java.util.Map;

/**
 * The standalone edge's fixed set of replicas, one per configured environment; the principal comes
 * from {@link EdgeAuthenticator} and names its environment.
 */
public final class ConfiguredReplicas implements ReplicaAccess {
  private final Map<String, EnvironmentReplica> replicas;

  /**
   * The configured replicas.
   *
   * @param replicas replica by environment key
   */
  public ConfiguredReplicas(Map<String, EnvironmentReplica> replicas) {
    this.replicas = Map.copyOf(replicas);
  }

  @Override
  public EnvironmentReplica replicaFor(Request request, String envKey) {
    String bound = EdgeAuthenticator.boundEnv(request);
    EnvironmentReplica replica = replicas.get(envKey);
    if (replica == null) {
      throw ProblemException.notFound("This edge does not serve environment " + envKey);
    }
    if (!bound.equals(envKey)) {
      throw ProblemException.forbidden("The SDK token is not one of environment " + envKey);
    }
    return replica;
  }
}
