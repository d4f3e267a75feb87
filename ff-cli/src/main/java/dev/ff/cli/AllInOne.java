package dev.ff.cli;

import dev.ff.control.ControlPlaneConfig;
import dev.ff.control.ControlPlaneServer;
import dev.ff.control.api.Access;
import dev.ff.control.api.ApiPrincipal;
import dev.ff.control.api.ControlApi;
import dev.ff.control.domain.EnvRef;
import dev.ff.edge.EdgeConfig;
import dev.ff.edge.EdgeServer;
import dev.ff.edge.EmbeddedEdge;
import dev.ff.edge.http.OnDemandReplicas;
import dev.ff.server.http.Request;
import dev.ff.server.http.Route;
import dev.ff.server.http.RouteOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;

/**
 * The whole platform in one process on one port ({@code ff serve}): the control plane with the
 * edge's routes mounted beside {@code /v1}. SDK tokens authenticate through the control plane; the
 * edge starts a replica for an environment the first time one of its tokens calls and follows the
 * control plane over loopback like any remote edge.
 */
final class AllInOne implements AutoCloseable {
  private final ControlPlaneServer control;
  private final EmbeddedEdge edge;
  private final EdgeConfig edgeSettings;

  /**
   * Builds (does not start) the servers.
   *
   * @param control the control plane's settings
   * @param edgeSettings the edge's settings (backoff, polling, plan cache, Redis, and the TLS
   *     client side of its loopback to the control plane: FF_CONTROL_CA, FF_CONTROL_CLIENT_*)
   */
  AllInOne(ControlPlaneConfig control, EdgeConfig edgeSettings) {
    this.control = new ControlPlaneServer(control);
    this.edgeSettings = edgeSettings;
    this.edge =
        new EmbeddedEdge(
            edgeSettings, Clock.systemUTC(), this.control.metrics().registry(), AllInOne::binding);
    this.control.module(
        api -> {
          for (Route route : edge.routes(ControlApi.RATE_LIMIT_CLASS)) {
            api.add(
                route.method(),
                route.template(),
                access(route),
                blocking(route.options()),
                route.handler());
          }
        });
  }

  /**
   * Starts the control plane, then the edge against it.
   *
   * @return this
   */
  AllInOne start() {
    control.start();
    try {
      HttpClient loopback =
          EdgeServer.controlPlaneClient(edgeSettings.withControlUrl(control.url()));
      edge.start(URI.create(control.url()), control.services().publisher().keys().ring(), loopback);
      return this;
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  ControlPlaneServer control() {
    return control;
  }

  EmbeddedEdge edge() {
    return edge;
  }

  @Override
  public void close() {
    edge.close();
    control.close();
  }

  /**
   * The edge's access rules in the control plane's table: the config routes name the environment in
   * the path, the evaluation routes in the body (checked by the edge).
   */
  static Access access(Route route) {
    return route.template().startsWith("/evaluate") ? Access.ENV_TOKEN : Access.CONFIG_BY_KEY;
  }

  /**
   * The control plane authenticates tokens against its database, so the edge's routes leave the
   * event loop here (a standalone edge runs them inline).
   */
  private static RouteOptions blocking(RouteOptions options) {
    return new RouteOptions(
        options.isPublic(),
        false,
        options.rateLimit(),
        options.isAdminOnly(),
        options.accessLogEvery());
  }

  /** An environment-bound token's environment, named {@code org/project/env}. */
  static Optional<OnDemandReplicas.Binding> binding(Request request) {
    Optional<EnvRef> env =
        request
            .principal()
            .filter(ApiPrincipal.class::isInstance)
            .map(ApiPrincipal.class::cast)
            .flatMap(ApiPrincipal::env);
    Optional<String> token =
        request
            .header("Authorization")
            .map(String::trim)
            .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
            .map(h -> h.substring(7).trim());
    if (env.isEmpty() || token.isEmpty()) {
      return Optional.empty();
    }
    EnvRef ref = env.get();
    return Optional.of(
        new OnDemandReplicas.Binding(
            ref.org() + "/" + ref.project() + "/" + ref.env(), ref.env(), token.get()));
  }
}
