package dev.ff.control.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.domain.AuditEntry;
import dev.ff.control.domain.Environment;
import dev.ff.control.domain.Experiment;
import dev.ff.control.domain.Flag;
import dev.ff.control.domain.Grant;
import dev.ff.control.domain.Meta;
import dev.ff.control.domain.Metric;
import dev.ff.control.domain.Org;
import dev.ff.control.domain.Project;
import dev.ff.control.domain.RoleBinding;
import dev.ff.control.domain.Segment;
import dev.ff.control.domain.User;
import dev.ff.control.publish.ConfigVersion;
import dev.ff.control.store.Json;
import dev.ff.control.tokens.ApiToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * JSON representations of the resources (documented in {@code openapi/openapi.yaml}). A resource is
 * the same object its merge patch applies to (the editable members), plus a read-only {@code meta}
 * object and, for experiments, the life-cycle members.
 */
public final class Views {

  private Views() {}

  /**
   * The bookkeeping object.
   *
   * @param meta the bookkeeping
   * @return {@code {version, archived, createdAt, updatedAt, createdBy, updatedBy}}
   */
  public static ObjectNode meta(Meta meta) {
    ObjectNode json = Json.object();
    json.put("version", meta.version());
    json.put("archived", meta.archived());
    json.put("createdAt", meta.createdAt().toString());
    json.put("updatedAt", meta.updatedAt().toString());
    json.put("createdBy", meta.createdBy());
    json.put("updatedBy", meta.updatedBy());
    return json;
  }

  /**
   * An organisation.
   *
   * @param org the organisation
   * @return its representation
   */
  public static ObjectNode org(Org org) {
    ObjectNode json = Json.object().put("key", org.key()).put("name", org.name());
    json.set("meta", meta(org.meta()));
    return json;
  }

  /**
   * A project.
   *
   * @param project the project
   * @return its representation
   */
  public static ObjectNode project(Project project) {
    ObjectNode json = Json.object().put("key", project.key()).put("name", project.name());
    json.set("meta", meta(project.meta()));
    return json;
  }

  /**
   * An environment.
   *
   * @param env the environment
   * @return its representation
   */
  public static ObjectNode environment(Environment env) {
    ObjectNode json =
        Json.object()
            .put("key", env.key())
            .put("name", env.name())
            .put("prod", env.prod())
            .put("salt", env.salt());
    json.set("meta", meta(env.meta()));
    return json;
  }

  /**
   * A flag: its contract JSON, {@code tags} and {@code meta}.
   *
   * @param flag the flag
   * @return its representation
   */
  public static ObjectNode flag(Flag flag) {
    ObjectNode json = flag.body().deepCopy();
    strings(json.putArray("tags"), flag.tags());
    json.set("meta", meta(flag.meta()));
    return json;
  }

  /**
   * A segment: its contract JSON and {@code meta}.
   *
   * @param segment the segment
   * @return its representation
   */
  public static ObjectNode segment(Segment segment) {
    ObjectNode json = segment.body().deepCopy();
    json.set("meta", meta(segment.meta()));
    return json;
  }

  /**
   * A metric definition.
   *
   * @param metric the metric
   * @return its representation
   */
  public static ObjectNode metric(Metric metric) {
    ObjectNode json = Json.object().put("key", metric.key()).put("name", metric.name());
    if (metric.description() != null) {
      json.put("description", metric.description());
    }
    json.put("kind", metric.kind());
    strings(json.putArray("events"), metric.events());
    json.put("direction", metric.direction()).put("guardrail", metric.guardrail());
    json.set("meta", meta(metric.meta()));
    return json;
  }

  /**
   * An experiment with its life cycle.
   *
   * @param e the experiment
   * @return its representation
   */
  public static ObjectNode experiment(Experiment e) {
    ObjectNode json = Json.object().put("key", e.key()).put("flag", e.flag());
    ArrayNode variations = json.putArray("variations");
    e.variations()
        .forEach(
            v -> variations.addObject().put("variation", v.variation()).put("weight", v.weight()));
    if (e.hypothesis() != null) {
      json.put("hypothesis", e.hypothesis());
    }
    if (e.primaryMetric() != null) {
      json.put("primaryMetric", e.primaryMetric());
    }
    strings(json.putArray("secondaryMetrics"), e.secondaryMetrics());
    json.put("trafficAllocation", e.trafficAllocation());
    e.exclusionGroup()
        .ifPresent(
            g -> {
              ObjectNode group = json.putObject("exclusionGroup").put("key", g.key());
              if (g.size() != null) {
                group.put("size", g.size());
              }
              if (g.start() != null) {
                group.put("start", g.start());
              }
              if (g.end() != null) {
                group.put("end", g.end());
              }
            });
    json.put("status", e.status().wire());
    instant(json, "startedAt", e.startedAt());
    instant(json, "stoppedAt", e.stoppedAt());
    e.winner().ifPresent(w -> json.put("winner", w));
    json.set("meta", meta(e.meta()));
    return json;
  }

  /**
   * An API token (never its secret).
   *
   * @param token the token
   * @return its representation
   */
  public static ObjectNode token(ApiToken token) {
    ObjectNode json =
        Json.object()
            .put("id", token.id())
            .put("org", token.org())
            .put("kind", token.kind().wire())
            .put("name", token.name())
            .put("displayPrefix", token.displayPrefix());
    token.env().ifPresent(env -> json.put("project", env.project()).put("env", env.env()));
    instant(json, "expiresAt", token.expiresAt());
    instant(json, "lastUsedAt", token.lastUsedAt());
    instant(json, "revokedAt", token.revokedAt());
    token.rotatedFrom().ifPresent(id -> json.put("rotatedFrom", id));
    json.set("meta", meta(token.meta()));
    return json;
  }

  /**
   * A role binding.
   *
   * @param binding the binding
   * @return its representation
   */
  public static ObjectNode member(RoleBinding binding) {
    ObjectNode json =
        Json.object()
            .put("id", binding.id())
            .put("subjectKind", binding.subjectKind())
            .put("subjectId", binding.subjectId())
            .put("subject", binding.subjectDisplay())
            .put("role", binding.role().wire())
            .put("scope", binding.scopeKind());
    if (binding.project() != null) {
      json.put("project", binding.project());
    }
    if (binding.env() != null) {
      json.put("env", binding.env());
    }
    json.set("meta", meta(binding.meta()));
    return json;
  }

  /**
   * A user.
   *
   * @param user the user
   * @return its representation
   */
  public static ObjectNode user(User user) {
    ObjectNode json =
        Json.object()
            .put("id", user.meta().id())
            .put("email", user.email())
            .put("displayName", user.displayName());
    json.set("meta", meta(user.meta()));
    return json;
  }

  /**
   * An audit row.
   *
   * @param entry the row
   * @return its representation
   */
  public static ObjectNode audit(AuditEntry entry) {
    ObjectNode json =
        Json.object()
            .put("id", entry.id())
            .put("actorId", entry.actorId())
            .put("actorKind", entry.actorKind())
            .put("actorDisplay", entry.actorDisplay())
            .put("action", entry.action())
            .put("resourceType", entry.resourceType())
            .put("resourceKey", entry.resourceKey());
    json.set("diff", entry.diff() == null ? Json.object() : entry.diff());
    json.put("correlationId", entry.correlationId());
    json.put("at", entry.at().toString());
    return json;
  }

  /**
   * A published version without its document (history lists).
   *
   * @param version the version
   * @return {@code {version, contentHash, publishedAt, publishedBy, rollbackOf?}}
   */
  public static ObjectNode versionSummary(ConfigVersion version) {
    ObjectNode json =
        Json.object()
            .put("version", version.version())
            .put("contentHash", version.contentHash())
            .put("publishedAt", version.publishedAt().toString())
            .put("publishedBy", version.publishedBy());
    version.rollbackOf().ifPresent(v -> json.put("rollbackOf", v));
    return json;
  }

  /**
   * A published version with its signed document.
   *
   * @param version the version
   * @return the summary plus {@code document}
   */
  public static ObjectNode version(ConfigVersion version) {
    ObjectNode json = versionSummary(version);
    json.set("document", version.document());
    return json;
  }

  /**
   * Who the caller is ({@code GET /v1/auth/me}).
   *
   * @param principal the caller
   * @return {@code {id, kind, user?, token?, session?, oidc?, grants}}
   */
  public static ObjectNode me(ApiPrincipal principal) {
    ObjectNode json = Json.object().put("id", principal.id()).put("kind", principal.kind());
    principal.user().ifPresent(u -> json.set("user", user(u)));
    principal
        .token()
        .ifPresent(
            t -> {
              ObjectNode token =
                  json.putObject("token")
                      .put("id", t.tokenId())
                      .put("org", t.org())
                      .put("kind", t.kind().wire())
                      .put("name", t.name());
              t.env().ifPresent(env -> token.put("project", env.project()).put("env", env.env()));
            });
    if (principal.credential() instanceof ApiPrincipal.Session s) {
      json.putObject("session").put("id", s.sessionId()).put("expiresAt", s.expiresAt().toString());
    }
    if (principal.credential() instanceof ApiPrincipal.Oidc o) {
      json.putObject("oidc")
          .put("subject", o.identity().subject())
          .put("email", o.identity().email())
          .put("expiresAt", o.identity().expiresAt().toString());
    }
    ArrayNode grants = json.putArray("grants");
    principal.grants().forEach(g -> grants.add(grant(g)));
    return json;
  }

  /**
   * A role held on a scope.
   *
   * @param grant the grant
   * @return {@code {role, scope, org, project?, env?}}
   */
  public static ObjectNode grant(Grant grant) {
    ObjectNode json =
        Json.object()
            .put("role", grant.role().wire())
            .put("scope", grant.scope().kind().wire())
            .put("org", grant.scope().org());
    grant.scope().project().ifPresent(p -> json.put("project", p));
    grant.scope().env().ifPresent(e -> json.put("env", e));
    return json;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static void instant(ObjectNode json, String name, Optional<Instant> value) {
    value.ifPresent(v -> json.put(name, v.toString()));
  }
}
