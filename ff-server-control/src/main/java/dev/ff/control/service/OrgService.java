package dev.ff.control.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.domain.Actor;
import dev.ff.control.domain.ListFilter;
import dev.ff.control.domain.Meta;
import dev.ff.control.domain.Org;
import dev.ff.control.domain.Page;
import dev.ff.control.domain.PageRequest;
import dev.ff.control.store.Json;
import dev.ff.control.store.Sql;
import dev.ff.control.store.Table;
import dev.ff.control.store.Tx;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Organisations. Body: {@code {"key", "name"}}.
 *
 * <p>Creating an organisation as a user makes that user its owner (when the actor id is {@code
 * user:<id>}).
 */
public final class OrgService extends KeyedService<Void, Org> {
  static final Table<Org> TABLE =
      new Table<>(
          "org",
          "org",
          null,
          "SELECT t.* FROM org t",
          (rs, ctx) -> new Org(rs.getString("key"), rs.getString("name"), Sql.meta(rs)),
          Org::key,
          Org::meta);

  /**
   * The service.
   *
   * @param tx the transaction runner
   */
  public OrgService(Tx tx) {
    super(tx, TABLE);
  }

  /**
   * Creates an organisation.
   *
   * @param actor who
   * @param body {@code {"key", "name"}}
   * @return the organisation
   */
  public Org create(Actor actor, JsonNode body) {
    return doCreate(actor, null, body);
  }

  /**
   * Reads an organisation.
   *
   * @param actor who
   * @param key the organisation key
   * @return the organisation
   */
  public Org get(Actor actor, String key) {
    return doGet(null, key);
  }

  /**
   * Lists organisations.
   *
   * @param actor who
   * @param page the page
   * @param filter key prefix and archived filters
   * @return one page in key order
   */
  public Page<Org> list(Actor actor, PageRequest page, ListFilter filter) {
    return doList(null, page, filter);
  }

  /**
   * Updates an organisation.
   *
   * @param actor who
   * @param key the organisation key
   * @param patch a merge patch of {@code {"name"}}
   * @param expectedVersion the version the caller read
   * @return the organisation
   */
  public Org update(Actor actor, String key, JsonNode patch, long expectedVersion) {
    return doUpdate(actor, null, key, patch, expectedVersion);
  }

  /**
   * Archives an organisation.
   *
   * @param actor who
   * @param key the organisation key
   * @param expectedVersion the version the caller read
   * @return the organisation
   */
  public Org archive(Actor actor, String key, long expectedVersion) {
    return doSetArchived(actor, null, key, true, expectedVersion);
  }

  /**
   * Restores an archived organisation.
   *
   * @param actor who
   * @param key the organisation key
   * @param expectedVersion the version the caller read
   * @return the organisation
   */
  public Org restore(Actor actor, String key, long expectedVersion) {
    return doSetArchived(actor, null, key, false, expectedVersion);
  }

  @Override
  protected Resolved resolve(Handle h, Void scope) {
    return new Resolved(0, null, "");
  }

  @Override
  protected Collection<String> members() {
    return List.of("key", "name");
  }

  @Override
  protected Map<String, Object> columns(
      Handle h, Resolved scope, String key, Input in, Org current) {
    return Map.of("name", nonNull(in.text("name", true)));
  }

  @Override
  protected void afterWrite(Handle h, Resolved scope, Org before, Org after) {
    if (before == null) {
      Members.bindCreatorAsOwner(h, after.meta().id(), after.meta().createdBy(), after.meta());
    }
  }

  @Override
  protected Long auditOrgId(Resolved scope, Org resource) {
    return resource.meta().id();
  }

  @Override
  protected ObjectNode editable(Org org) {
    ObjectNode json = Json.object();
    json.put("key", org.key());
    json.put("name", org.name());
    return json;
  }

  @Override
  protected Meta meta(Org resource) {
    return resource.meta();
  }

  static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
