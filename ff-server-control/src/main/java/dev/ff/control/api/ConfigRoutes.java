package dev.ff.control.api;

import static dev.ff.control.api.ResourceModules.ENV;

import dev.ff.control.ControlPlane;
import dev.ff.control.domain.NotFound;
import dev.ff.control.publish.ConfigVersion;
import dev.ff.server.http.Request;
import dev.ff.server.http.Response;
import java.time.Duration;

/**
 * Config delivery to SDKs and edges. Two addressings of the same environment:
 *
 * <ul>
 *   <li>{@code /v1/configs/{envKey}} for tokens bound to one environment (SDK tokens): the token
 *       says which environment, the key in the path must be that environment's key. A bare key is
 *       ambiguous across projects, so org-wide tokens and the root admin use the other form.
 *   <li>{@code /v1/orgs/{org}/projects/{project}/environments/{env}/config} for anyone allowed to
 *       read that environment (its SDK tokens, the organisation's admin tokens, the root admin).
 * </ul>
 *
 * <p>{@code GET} returns the latest signed document with {@code ETag: "<version>"} and {@code
 * Cache-Control: max-age=…}; a matching {@code If-None-Match} gives 304. {@code …/stream} is the
 * {@link ConfigStreams Server-Sent Events stream}.
 */
public final class ConfigRoutes implements RouteModule {

  private final ControlPlane cp;
  private final ConfigStreams streams;
  private final String cacheControl;

  /**
   * The module.
   *
   * @param cp the services
   * @param streams the SSE streams
   * @param maxAge the {@code Cache-Control: max-age} of config responses
   */
  public ConfigRoutes(ControlPlane cp, ConfigStreams streams, Duration maxAge) {
    this.cp = cp;
    this.streams = streams;
    this.cacheControl = "max-age=" + maxAge.toSeconds();
  }

  @Override
  public void register(ApiRouter api) {
    api.get("/v1/configs/{envKey}", Access.CONFIG_BY_KEY, r -> config(r, boundEnv(r)));
    api.get(
        "/v1/configs/{envKey}/stream",
        Access.CONFIG_BY_KEY,
        r -> streams.open(boundEnv(r), r.header("Last-Event-ID")));
    api.get(ENV + "/config", Access.CONFIG, r -> config(r, pathEnv(r)));
    api.get(
        ENV + "/config/stream",
        Access.CONFIG,
        r -> streams.open(pathEnv(r), r.header("Last-Event-ID")));
  }

  private long boundEnv(Request request) {
    return Http.principal(request)
        .token()
        .flatMap(t -> t.envId())
        .orElseThrow(() -> new NotFound("environment", request.pathParam("envKey")));
  }

  private long pathEnv(Request request) {
    return ActionRoutes.environment(cp, Http.env(request)).envId();
  }

  private Response config(Request request, long envId) {
    ConfigVersion latest =
        cp.reader()
            .latest(envId)
            .orElseThrow(() -> new NotFound("config", "no version published yet"));
    String etag = Http.etag(latest.version());
    boolean unchanged =
        request
            .header("If-None-Match")
            .map(
                header ->
                    header.trim().equals("*")
                        || java.util.Arrays.stream(header.split(","))
                            .map(String::trim)
                            .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                            .anyMatch(etag::equals))
            .orElse(false);
    Response response = unchanged ? Response.status(304) : Response.ok(latest.document());
    return response.header("ETag", etag).header("Cache-Control", cacheControl);
  }
}
