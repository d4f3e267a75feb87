package dev.ff.control.store;

import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.NotFound;
import dev.ff.control.domain.ProjectRef;
import org.jdbi.v3.core.Handle;

/** Resolves organisation, project and environment keys to ids, refusing unknown ones. */
public final class Scopes {
  private Scopes() {}

  /**
   * A resolved organisation.
   *
   * @param orgId the organisation id
   * @param org the organisation key
   */
  public record OrgScope(long orgId, String org) {}

  /**
   * A resolved project.
   *
   * @param orgId the organisation id
   * @param projectId the project id
   * @param ref the keys
   */
  public record ProjectScope(long orgId, long projectId, ProjectRef ref) {}

  /**
   * A resolved environment.
   *
   * @param orgId the organisation id
   * @param projectId the project id
   * @param envId the environment id
   * @param ref the keys
   * @param salt the environment's bucketing salt
   */
  public record EnvScope(long orgId, long projectId, long envId, EnvRef ref, String salt) {}

  /**
   * Resolves an organisation.
   *
   * @param h the transaction
   * @param org the organisation key
   * @return the scope
   * @throws NotFound if it does not exist
   */
  public static OrgScope org(Handle h, String org) {
    return h.createQuery("SELECT id FROM org WHERE key = :org")
        .bind("org", org)
        .mapTo(Long.class)
        .findOne()
        .map(id -> new OrgScope(id, org))
        .orElseThrow(() -> new NotFound("org", org));
  }

  /**
   * Resolves a project.
   *
   * @param h the transaction
   * @param ref the keys
   * @return the scope
   * @throws NotFound if the organisation or the project does not exist
   */
  public static ProjectScope project(Handle h, ProjectRef ref) {
    OrgScope org = org(h, ref.org());
    return h.createQuery("SELECT id FROM project WHERE org_id = :org AND key = :project")
        .bind("org", org.orgId())
        .bind("project", ref.project())
        .mapTo(Long.class)
        .findOne()
        .map(id -> new ProjectScope(org.orgId(), id, ref))
        .orElseThrow(() -> new NotFound("project", ref.project()));
  }

  /**
   * Resolves an environment.
   *
   * @param h the transaction
   * @param ref the keys
   * @return the scope
   * @throws NotFound if a level does not exist
   */
  public static EnvScope env(Handle h, EnvRef ref) {
    ProjectScope project = project(h, ref.projectRef());
    return h.createQuery(
            "SELECT id, salt FROM environment WHERE project_id = :project AND key = :env")
        .bind("project", project.projectId())
        .bind("env", ref.env())
        .map(
            (rs, ctx) ->
                new EnvScope(
                    project.orgId(),
                    project.projectId(),
                    rs.getLong("id"),
                    ref,
                    rs.getString("salt")))
        .findOne()
        .orElseThrow(() -> new NotFound("environment", ref.env()));
  }

  /**
   * Resolves an environment by id.
   *
   * @param h the transaction
   * @param envId the environment id
   * @return the scope
   * @throws NotFound if there is no such environment
   */
  public static EnvScope env(Handle h, long envId) {
    return h.createQuery(
            "SELECT e.id, e.salt, e.key AS env, p.id AS project_id, p.key AS project, o.id AS"
                + " org_id, o.key AS org FROM environment e JOIN project p ON p.id = e.project_id"
                + " JOIN org o ON o.id = p.org_id WHERE e.id = :id")
        .bind("id", envId)
        .map(
            (rs, ctx) ->
                new EnvScope(
                    rs.getLong("org_id"),
                    rs.getLong("project_id"),
                    rs.getLong("id"),
                    new EnvRef(rs.getString("org"), rs.getString("project"), rs.getString("env")),
                    rs.getString("salt")))
        .findOne()
        .orElseThrow(() -> new NotFound("environment", Long.toString(envId)));
  }
}
