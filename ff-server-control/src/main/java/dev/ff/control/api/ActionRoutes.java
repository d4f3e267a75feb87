package dev.ff.control.api;

import static dev.ff.control.api.ResourceModules.ENV;

import dev.ff.control.ControlPlane;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.Experiment;
import dev.ff.control.domain.NotFound;
import dev.ff.control.publish.ConfigVersion;
import dev.ff.control.publish.EnvironmentInfo;
import dev.ff.control.publish.PublishResult;
import dev.ff.server.http.Request;
import dev.ff.server.http.Response;

/**
 * Actions beyond CRUD: experiment start/stop, publishing (whole environment or the environment of a
 * flag, both honouring {@code Idempotency-Key}), the version history and rollback.
 */
public final class ActionRoutes implements RouteModule {

  private final ControlPlane cp;

  /**
   * The module.
   *
   * @param cp the services
   */
  public ActionRoutes(ControlPlane cp) {
    this.cp = cp;
  }

  @Override
  public void register(ApiRouter api) {
    String experiment = ENV + "/experiments/{experiment}";
    api.post(
        experiment + "/start",
        Access.ORG_WRITE,
        request -> {
          long expected = Http.ifMatch(request);
          return render(
              cp.experiments()
                  .start(
                      Http.actor(request),
                      Http.env(request),
                      request.pathParam("experiment"),
                      expected));
        });
    api.post(
        experiment + "/stop",
        Access.ORG_WRITE,
        request -> {
          long expected = Http.ifMatch(request);
          return render(
              cp.experiments()
                  .stop(
                      Http.actor(request),
                      Http.env(request),
                      request.pathParam("experiment"),
                      Bodies.optionalText(request, "winner"),
                      expected));
        });
    api.post(ENV + "/publish", Access.ORG_WRITE, this::publish);
    api.post(
        ENV + "/flags/{flag}/publish",
        Access.ORG_WRITE,
        request -> {
          cp.flags().get(Http.actor(request), Http.env(request), request.pathParam("flag"));
          return publish(request);
        });
    api.get(
        ENV + "/versions",
        Access.ORG_READ,
        request ->
            Http.list(
                cp.reader().history(environment(cp, Http.env(request)).envId(), Http.page(request)),
                Views::versionSummary));
    api.get(
        ENV + "/versions/{version}",
        Access.ORG_READ,
        request -> {
          EnvironmentInfo env = environment(cp, Http.env(request));
          long version = Http.id(request, "version", "config version");
          ConfigVersion found =
              cp.reader()
                  .byVersion(env.envId(), version)
                  .orElseThrow(() -> new NotFound("config version", Long.toString(version)));
          return Http.entity(Views.version(found), found.version());
        });
    api.post(
        ENV + "/rollback",
        Access.ORG_WRITE,
        request ->
            published(
                Http.env(request),
                cp.publisher()
                    .rollback(
                        Http.actor(request),
                        Http.env(request),
                        Bodies.requiredInt(request, "toVersion", 1))));
  }

  /**
   * The environment of a path, as the config reader knows it.
   *
   * @param cp the services
   * @param ref the environment
   * @return its info
   * @throws NotFound when any level is missing
   */
  static EnvironmentInfo environment(ControlPlane cp, EnvRef ref) {
    return cp.reader()
        .environment(ref.org(), ref.project(), ref.env())
        .orElseThrow(
            () -> new NotFound("environment", ref.org() + "/" + ref.project() + "/" + ref.env()));
  }

  private Response publish(Request request) {
    EnvRef env = Http.env(request);
    return published(
        env,
        cp.publisher()
            .publish(
                Http.actor(request),
                env.org(),
                env.project(),
                env.env(),
                request.header("Idempotency-Key")));
  }

  private static Response published(EnvRef env, PublishResult result) {
    ConfigVersion version = result.config();
    String location =
        "/v1/orgs/"
            + env.org()
            + "/projects/"
            + env.project()
            + "/environments/"
            + env.env()
            + "/versions/"
            + version.version();
    Response response =
        result.replayed()
            ? Http.entity(Views.version(version), version.version()).header("Location", location)
            : Http.created(location, Views.version(version), version.version());
    return response.header("Idempotency-Replayed", Boolean.toString(result.replayed()));
  }

  private static Response render(Experiment experiment) {
    return Http.entity(Views.experiment(experiment), experiment.meta().version());
  }
}
