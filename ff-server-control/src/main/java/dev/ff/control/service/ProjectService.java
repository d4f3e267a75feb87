package dev.ff.control.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.domain.Meta;
import dev.ff.control.domain.Project;
import dev.ff.control.store.Json;
import dev.ff.control.store.Scopes;
import dev.ff.control.store.Sql;
import dev.ff.control.store.Table;
import dev.ff.control.store.Tx;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Projects of an organisation. Body: {@code {"key", "name"}}. */
public final class ProjectService extends ScopedService<String, Project> {
  static final Table<Project> TABLE =
      new Table<>(
          "project",
          "project",
          "org_id",
          "SELECT t.*, o.key AS org_key FROM project t JOIN org o ON o.id = t.org_id",
          (rs, ctx) ->
              new Project(
                  rs.getString("org_key"), rs.getString("key"), rs.getString("name"), Sql.meta(rs)),
          Project::key,
          Project::meta);

  /**
   * The service.
   *
   * @param tx the transaction runner
   */
  public ProjectService(Tx tx) {
    super(tx, TABLE);
  }

  @Override
  protected Resolved resolve(Handle h, String org) {
    Scopes.OrgScope scope = Scopes.org(h, org);
    return new Resolved(scope.orgId(), scope.orgId(), org);
  }

  @Override
  protected Collection<String> members() {
    return List.of("key", "name");
  }

  @Override
  protected Map<String, Object> columns(
      Handle h, Resolved scope, String key, Input in, Project current) {
    return Map.of("name", OrgService.nonNull(in.text("name", true)));
  }

  @Override
  protected ObjectNode editable(Project project) {
    ObjectNode json = Json.object();
    json.put("key", project.key());
    json.put("name", project.name());
    return json;
  }

  @Override
  protected Meta meta(Project resource) {
    return resource.meta();
  }
}
