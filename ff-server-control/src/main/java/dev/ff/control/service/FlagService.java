package dev.ff.control.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.domain.Actor;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.Flag;
import dev.ff.control.domain.ListFilter;
import dev.ff.control.domain.Meta;
import dev.ff.control.domain.Page;
import dev.ff.control.domain.PageRequest;
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
public final class FlagService extends KeyedService<EnvRef, Flag> {
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

  /**
   * Creates a flag.
   *
   * @param actor who
   * @param env the environment
   * @param body the flag JSON, optionally with {@code tags}
   * @return the flag
   */
  public Flag create(Actor actor, EnvRef env, JsonNode body) {
    return doCreate(actor, env, body);
  }

  /**
   * Reads a flag.
   *
   * @param actor who
   * @param env the environment
   * @param key the flag key
   * @return the flag
   */
  public Flag get(Actor actor, EnvRef env, String key) {
    return doGet(env, key);
  }

  /**
   * Lists the flags of an environment.
   *
   * @param actor who
   * @param env the environment
   * @param page the page
   * @param filter key prefix, archived and tag filters
   * @return one page in key order
   */
  public Page<Flag> list(Actor actor, EnvRef env, PageRequest page, ListFilter filter) {
    return doList(env, page, filter);
  }

  /**
   * Updates a flag.
   *
   * @param actor who
   * @param env the environment
   * @param key the flag key
   * @param patch a merge patch of the flag JSON (with {@code tags}); arrays are replaced whole
   * @param expectedVersion the version the caller read
   * @return the flag
   */
  public Flag update(Actor actor, EnvRef env, String key, JsonNode patch, long expectedVersion) {
    return doUpdate(actor, env, key, patch, expectedVersion);
  }

  /**
   * Archives a flag: it leaves the next published document.
   *
   * @param actor who
   * @param env the environment
   * @param key the flag key
   * @param expectedVersion the version the caller read
   * @return the flag
   */
  public Flag archive(Actor actor, EnvRef env, String key, long expectedVersion) {
    return doSetArchived(actor, env, key, true, expectedVersion);
  }

  /**
   * Restores an archived flag.
   *
   * @param actor who
   * @param env the environment
   * @param key the flag key
   * @param expectedVersion the version the caller read
   * @return the flag
   */
  public Flag restore(Actor actor, EnvRef env, String key, long expectedVersion) {
    return doSetArchived(actor, env, key, false, expectedVersion);
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
