package dev.ff.control.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.Flag;
import dev.ff.control.domain.ListFilter;
import dev.ff.control.domain.Meta;
import dev.ff.control.store.Json;
import dev.ff.control.store.Sql;
import dev.ff.control.store.Table;
import dev.ff.control.store.Tx;
import dev.ff.core.validate.ConfigValidator;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Flags of an environment. Body: the flag JSON of docs/evaluation.md §2 plus an optional {@code
 * "tags": [key…]} member. The flag is validated by {@link ConfigValidator#validateFlag}; references
 * to other flags and to segments are checked when the environment is published.
 */
public final class FlagService extends ScopedService<EnvRef, Flag> {
  static final Table<Flag> TABLE =
      new Table<>(
          "flag",
          "flag",
          "env_id",
          "SELECT t.* FROM flag t",
          (rs, ctx) ->
              new Flag(
                  rs.getString("key"),
                  Json.parseObject(rs.getString("body")),
                  Sql.strings(rs, "tags"),
                  Sql.meta(rs)),
          Flag::key,
          Flag::meta);

  /**
   * The service.
   *
   * @param tx the transaction runner
   */
  public FlagService(Tx tx) {
    super(tx, TABLE);
  }

  @Override
  protected Resolved resolve(Handle h, EnvRef env) {
    return EnvScoped.resolve(h, env);
  }

  @Override
  protected Collection<String> members() {
    return null;
  }

  @Override
  protected String readKey(Input in) {
    JsonNode key = in.body().get("key");
    return key != null && key.isTextual() ? key.textValue() : null;
  }

  @Override
  protected Map<String, Object> columns(
      Handle h, Resolved scope, String key, Input in, Flag current) {
    if (in.hasProblems()) {
      return Map.of();
    }
    List<String> tags = in.keys("tags").stream().sorted().toList();
    ObjectNode body = in.body().deepCopy();
    body.remove("tags");
    in.diagnostics("", ConfigValidator.validateFlag(body));
    return Map.of("body", body, "tags", tags);
  }

  @Override
  protected Map<String, Object> conditions(ListFilter filter) {
    return filter
        .tag()
        .<Map<String, Object>>map(tag -> Map.of(":? = ANY(t.tags)", tag))
        .orElse(Map.of());
  }

  @Override
  protected ObjectNode editable(Flag flag) {
    ObjectNode json = flag.body().deepCopy();
    ArrayNode tags = json.putArray("tags");
    flag.tags().forEach(tags::add);
    return json;
  }

  @Override
  protected Meta meta(Flag resource) {
    return resource.meta();
  }
}
