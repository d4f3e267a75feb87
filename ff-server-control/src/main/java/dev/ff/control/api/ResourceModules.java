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
   * Organisations: created and listed by the root admin only.
   *
   * @param orgs the service
   * @return the module
   */
  public static KeyedResource<Void, Org> orgs(OrgService orgs) {
    return new KeyedResource<>(
        "/v1/orgs",
        "org",
        new KeyedResource.Rules(Access.ROOT, Access.ROOT, Access.ORG_READ, Access.ORG_ADMIN),
        request -> null,
        new KeyedResource.Service<>() {
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
        new KeyedResource.Service<>() {
          @Override
          public Project create(Actor actor, String org, JsonNode body) {
            return projects.create(actor, org, body);
          }

          @Override
          public Project get(Actor actor, String org, String key) {
            return projects.get(actor, org, key);
          }

          @Override
          public Page<Project> list(Actor actor, String org, PageRequest page, ListFilter filter) {
            return projects.list(actor, org, page, filter);
          }

          @Override
          public Project update(Actor actor, String org, String key, JsonNode patch, long version) {
            return projects.update(actor, org, key, patch, version);
          }

          @Override
          public Project archive(Actor actor, String org, String key, long version) {
            return projects.archive(actor, org, key, version);
          }

          @Override
          public Project restore(Actor actor, String org, String key, long version) {
            return projects.restore(actor, org, key, version);
          }
        },
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
        new KeyedResource.Service<>() {
          @Override
          public Environment create(Actor actor, ProjectRef scope, JsonNode body) {
            return envs.create(actor, scope, body);
          }

          @Override
          public Environment get(Actor actor, ProjectRef scope, String key) {
            return envs.get(actor, scope, key);
          }

          @Override
          public Page<Environment> list(
              Actor actor, ProjectRef scope, PageRequest page, ListFilter filter) {
            return envs.list(actor, scope, page, filter);
          }

          @Override
          public Environment update(
              Actor actor, ProjectRef scope, String key, JsonNode patch, long version) {
            return envs.update(actor, scope, key, patch, version);
          }

          @Override
          public Environment archive(Actor actor, ProjectRef scope, String key, long version) {
            return envs.archive(actor, scope, key, version);
          }

          @Override
          public Environment restore(Actor actor, ProjectRef scope, String key, long version) {
            return envs.restore(actor, scope, key, version);
          }
        },
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
        new KeyedResource.Service<>() {
          @Override
          public Flag create(Actor actor, EnvRef env, JsonNode body) {
            return flags.create(actor, env, body);
          }

          @Override
          public Flag get(Actor actor, EnvRef env, String key) {
            return flags.get(actor, env, key);
          }

          @Override
          public Page<Flag> list(Actor actor, EnvRef env, PageRequest page, ListFilter filter) {
            return flags.list(actor, env, page, filter);
          }

          @Override
          public Flag update(Actor actor, EnvRef env, String key, JsonNode patch, long version) {
            return flags.update(actor, env, key, patch, version);
          }

          @Override
          public Flag archive(Actor actor, EnvRef env, String key, long version) {
            return flags.archive(actor, env, key, version);
          }

          @Override
          public Flag restore(Actor actor, EnvRef env, String key, long version) {
            return flags.restore(actor, env, key, version);
          }
        },
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
        new KeyedResource.Service<>() {
          @Override
          public Segment create(Actor actor, EnvRef env, JsonNode body) {
            return segments.create(actor, env, body);
          }

          @Override
          public Segment get(Actor actor, EnvRef env, String key) {
            return segments.get(actor, env, key);
          }

          @Override
          public Page<Segment> list(Actor actor, EnvRef env, PageRequest page, ListFilter filter) {
            return segments.list(actor, env, page, filter);
          }

          @Override
          public Segment update(Actor actor, EnvRef env, String key, JsonNode patch, long version) {
            return segments.update(actor, env, key, patch, version);
          }

          @Override
          public Segment archive(Actor actor, EnvRef env, String key, long version) {
            return segments.archive(actor, env, key, version);
          }

          @Override
          public Segment restore(Actor actor, EnvRef env, String key, long version) {
            return segments.restore(actor, env, key, version);
          }
        },
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
        new KeyedResource.Service<>() {
          @Override
          public Experiment create(Actor actor, EnvRef env, JsonNode body) {
            return experiments.create(actor, env, body);
          }

          @Override
          public Experiment get(Actor actor, EnvRef env, String key) {
            return experiments.get(actor, env, key);
          }

          @Override
          public Page<Experiment> list(
              Actor actor, EnvRef env, PageRequest page, ListFilter filter) {
            return experiments.list(actor, env, page, filter);
          }

          @Override
          public Experiment update(
              Actor actor, EnvRef env, String key, JsonNode patch, long version) {
            return experiments.update(actor, env, key, patch, version);
          }

          @Override
          public Experiment archive(Actor actor, EnvRef env, String key, long version) {
            return experiments.archive(actor, env, key, version);
          }

          @Override
          public Experiment restore(Actor actor, EnvRef env, String key, long version) {
            return experiments.restore(actor, env, key, version);
          }
        },
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
        new KeyedResource.Service<>() {
          @Override
          public Metric create(Actor actor, ProjectRef scope, JsonNode body) {
            return metrics.create(actor, scope, body);
          }

          @Override
          public Metric get(Actor actor, ProjectRef scope, String key) {
            return metrics.get(actor, scope, key);
          }

          @Override
          public Page<Metric> list(
              Actor actor, ProjectRef scope, PageRequest page, ListFilter filter) {
            return metrics.list(actor, scope, page, filter);
          }

          @Override
          public Metric update(
              Actor actor, ProjectRef scope, String key, JsonNode patch, long version) {
            return metrics.update(actor, scope, key, patch, version);
          }

          @Override
          public Metric archive(Actor actor, ProjectRef scope, String key, long version) {
            return metrics.archive(actor, scope, key, version);
          }

          @Override
          public Metric restore(Actor actor, ProjectRef scope, String key, long version) {
            return metrics.restore(actor, scope, key, version);
          }
        },
        Views::metric,
        Metric::key,
        Metric::meta);
  }
}
