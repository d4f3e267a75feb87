package dev.ff.control.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.control.ControlPlane;
import dev.ff.control.domain.Actor;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.Environment;
import dev.ff.control.domain.Experiment;
import dev.ff.control.domain.Flag;
import dev.ff.control.domain.ListFilter;
import dev.ff.control.domain.Metric;
import dev.ff.control.domain.Org;
import dev.ff.control.domain.Page;
import dev.ff.control.domain.PageRequest;
import dev.ff.control.domain.Project;
import dev.ff.control.domain.ProjectRef;
import dev.ff.control.domain.Segment;
import dev.ff.control.service.EnvironmentService;
import dev.ff.control.service.ExperimentService;
import dev.ff.control.service.FlagService;
import dev.ff.control.service.MetricService;
import dev.ff.control.service.OrgService;
import dev.ff.control.service.ProjectService;
import dev.ff.control.service.ResourceOperations;
import dev.ff.control.service.SegmentService;
import java.util.List;

/**
 * The keyed resources of the admin API, each a {@link KeyedResource}: organisations, projects,
 * environments, flags, segments, experiments and metrics.
 */
public final class ResourceModules {

  /** Path of an organisation. */
  public static final String ORG = "/v1/orgs/{org}";

  /** Path of a project. */
  public static final String PROJECT = ORG + "/projects/{project}";

  /** Path of an environment. */
  public static final String ENV = PROJECT + "/environments/{env}";

  private ResourceModules() {}

  /**
   * Every keyed resource.
   *
   * @param cp the services
   * @return the modules
   */
  public static List<RouteModule> all(ControlPlane cp) {
    return List.of(
        orgs(cp.orgs()),
        projects(cp.projects()),
        environments(cp.environments()),
        flags(cp.flags()),
        segments(cp.segments()),
        experiments(cp.experiments()),
        metrics(cp.metrics()));
  }

  /**
   * Organisations: created and listed by the root admin only, renamed by admins, archived and
   * restored by owners.
   *
   * @param orgs the service
   * @return the module
   */
  public static KeyedResource<Void, Org> orgs(OrgService orgs) {
    return new KeyedResource<>(
        "/v1/orgs",
        "org",
        new KeyedResource.Rules(
            Access.ROOT, Access.ROOT, Access.ORG_READ, Access.ORG_ADMIN, Access.ORG_OWNER),
        request -> null,
        new ResourceOperations<>() {
          @Override
          public Org create(Actor actor, Void scope, JsonNode body) {
            return orgs.create(actor, body);
          }

          @Override
          public Org get(Actor actor, Void scope, String key) {
            return orgs.get(actor, key);
          }

          @Override
          public Page<Org> list(Actor actor, Void scope, PageRequest page, ListFilter filter) {
            return orgs.list(actor, page, filter);
          }

          @Override
          public Org update(Actor actor, Void scope, String key, JsonNode patch, long version) {
            return orgs.update(actor, key, patch, version);
          }

          @Override
          public Org archive(Actor actor, Void scope, String key, long version) {
            return orgs.archive(actor, key, version);
          }

          @Override
          public Org restore(Actor actor, Void scope, String key, long version) {
            return orgs.restore(actor, key, version);
          }
        },
        Views::org,
        Org::key,
        Org::meta);
  }

  /**
   * Projects of an organisation.
   *
   * @param projects the service
   * @return the module
   */
  public static KeyedResource<String, Project> projects(ProjectService projects) {
    return new KeyedResource<>(
        ORG + "/projects",
        "project",
        KeyedResource.Rules.of(Access.ORG_READ, Access.ORG_ADMIN),
        request -> request.pathParam("org"),
        projects,
        Views::project,
        Project::key,
        Project::meta);
  }

  /**
   * Environments of a project.
   *
   * @param envs the service
   * @return the module
   */
  public static KeyedResource<ProjectRef, Environment> environments(EnvironmentService envs) {
    return new KeyedResource<>(
        PROJECT + "/environments",
        "env",
        KeyedResource.Rules.of(Access.ORG_READ, Access.ORG_ADMIN),
        Http::project,
        envs,
        Views::environment,
        Environment::key,
        Environment::meta);
  }

  /**
   * Flags of an environment ({@code ?tag=} filters the list).
   *
   * @param flags the service
   * @return the module
   */
  public static KeyedResource<EnvRef, Flag> flags(FlagService flags) {
    return new KeyedResource<>(
        ENV + "/flags",
        "flag",
        KeyedResource.Rules.of(Access.ORG_READ, Access.ORG_WRITE),
        Http::env,
        flags,
        Views::flag,
        Flag::key,
        Flag::meta);
  }

  /**
   * Segments of an environment.
   *
   * @param segments the service
   * @return the module
   */
  public static KeyedResource<EnvRef, Segment> segments(SegmentService segments) {
    return new KeyedResource<>(
        ENV + "/segments",
        "segment",
        KeyedResource.Rules.of(Access.ORG_READ, Access.ORG_WRITE),
        Http::env,
        segments,
        Views::segment,
        Segment::key,
        Segment::meta);
  }

  /**
   * Experiments of an environment ({@code ?status=} filters the list); {@link ExperimentRoutes}
   * adds start and stop.
   *
   * @param experiments the service
   * @return the module
   */
  public static KeyedResource<EnvRef, Experiment> experiments(ExperimentService experiments) {
    return new KeyedResource<>(
        ENV + "/experiments",
        "experiment",
        KeyedResource.Rules.of(Access.ORG_READ, Access.ORG_WRITE),
        Http::env,
        experiments,
        Views::experiment,
        Experiment::key,
        Experiment::meta);
  }

  /**
   * Metric definitions of a project.
   *
   * @param metrics the service
   * @return the module
   */
  public static KeyedResource<ProjectRef, Metric> metrics(MetricService metrics) {
    return new KeyedResource<>(
        PROJECT + "/metrics",
        "metric",
        KeyedResource.Rules.of(Access.ORG_READ, Access.ORG_WRITE),
        Http::project,
        metrics,
        Views::metric,
        Metric::key,
        Metric::meta);
  }
}
