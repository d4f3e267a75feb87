package dev.ff.control.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.domain.Environment;
import dev.ff.control.domain.Meta;
import dev.ff.control.domain.ProjectRef;
import dev.ff.control.store.Json;
import dev.ff.control.store.Scopes;
import dev.ff.control.store.Sql;
import dev.ff.control.store.Table;
import dev.ff.control.store.Tx;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Environments of a project. Body: {@code {"key", "name", "prod"}} ({@code prod} defaults to
 * false). The salt is generated on creation (16 random bytes, hex) and never changes: it would move
 * every unit to another bucket.
 */
public final class EnvironmentService extends ScopedService<ProjectRef, Environment> {
  static final Table<Environment> TABLE =
      new Table<>(
          "environment",
          "environment",
          "project_id",
          "SELECT t.*, p.key AS project_key, o.key AS org_key FROM environment t JOIN project p ON"
              + " p.id = t.project_id JOIN org o ON o.id = p.org_id",
          (rs, ctx) ->
              new Environment(
                  rs.getString("org_key"),
                  rs.getString("project_key"),
                  rs.getString("key"),
                  rs.getString("name"),
                  rs.getString("salt"),
                  rs.getBoolean("is_prod"),
                  Sql.meta(rs)),
          Environment::key,
          Environment::meta);

  private final SecureRandom random = new SecureRandom();

  /**
   * The service.
   *
   * @param tx the transaction runner
   */
  public EnvironmentService(Tx tx) {
    super(tx, TABLE);
  }

  @Override
  protected Resolved resolve(Handle h, ProjectRef project) {
    Scopes.ProjectScope scope = Scopes.project(h, project);
    return new Resolved(scope.projectId(), scope.orgId(), project.org() + "/" + project.project());
  }

  @Override
  protected Collection<String> members() {
    return List.of("key", "name", "prod");
  }

  @Override
  protected Map<String, Object> columns(
      Handle h, Resolved scope, String key, Input in, Environment current) {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("name", OrgService.nonNull(in.text("name", true)));
    columns.put("is_prod", in.bool("prod", false));
    if (current == null) {
      byte[] salt = new byte[16];
      random.nextBytes(salt);
      columns.put("salt", HexFormat.of().formatHex(salt));
    }
    return columns;
  }

  @Override
  protected ObjectNode editable(Environment env) {
    ObjectNode json = Json.object();
    json.put("key", env.key());
    json.put("name", env.name());
    json.put("prod", env.prod());
    return json;
  }

  @Override
  protected Meta meta(Environment resource) {
    return resource.meta();
  }
}
