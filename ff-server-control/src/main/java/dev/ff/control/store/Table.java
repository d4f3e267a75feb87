package dev.ff.control.store;

import dev.ff.control.domain.Actor;
import dev.ff.control.domain.AlreadyExists;
import dev.ff.control.domain.ListFilter;
import dev.ff.control.domain.Meta;
import dev.ff.control.domain.NotFound;
import dev.ff.control.domain.Page;
import dev.ff.control.domain.PageRequest;
import dev.ff.control.domain.VersionConflict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * The generic repository of a keyed resource table (a table with {@code key}, a parent id column
 * and the bookkeeping columns): lookups, row locks with version checks, cursor pages ordered by
 * key, inserts and updates that maintain {@code version}, {@code updated_at} and {@code
 * updated_by}. Queries alias the table as {@code t}.
 *
 * @param <T> the resource record
 */
public final class Table<T> {
  private final String table;
  private final String resourceType;
  private final String parentColumn;
  private final String select;
  private final RowMapper<T> mapper;
  private final Function<T, String> keyOf;
  private final Function<T, Meta> meta;

  /**
   * A table.
   *
   * @param table the table name
   * @param resourceType the resource type named in errors and audit rows
   * @param parentColumn the parent id column, or null for a top-level table
   * @param select {@code SELECT … FROM <table> t [JOIN …]}, producing the columns the mapper reads
   * @param mapper reads one resource
   * @param keyOf the key of a resource
   * @param meta the bookkeeping of a resource
   */
  public Table(
      String table,
      String resourceType,
      String parentColumn,
      String select,
      RowMapper<T> mapper,
      Function<T, String> keyOf,
      Function<T, Meta> meta) {
    this.table = table;
    this.resourceType = resourceType;
    this.parentColumn = parentColumn;
    this.select = select;
    this.mapper = mapper;
    this.keyOf = keyOf;
    this.meta = meta;
  }

  /**
   * The resource type.
   *
   * @return e.g. {@code flag}
   */
  public String resourceType() {
    return resourceType;
  }

  /**
   * Finds a resource by key.
   *
   * @param h the transaction
   * @param parentId the parent id (ignored for top-level tables)
   * @param key the key
   * @return the resource, archived or not
   */
  public Optional<T> find(Handle h, long parentId, String key) {
    return query(h, parentId, key, "");
  }

  /**
   * Finds a resource by key or refuses.
   *
   * @param h the transaction
   * @param parentId the parent id
   * @param key the key
   * @return the resource
   * @throws NotFound if there is none
   */
  public T get(Handle h, long parentId, String key) {
    return find(h, parentId, key).orElseThrow(() -> new NotFound(resourceType, key));
  }

  /**
   * Locks a resource's row for the rest of the transaction and checks its version.
   *
   * @param h the transaction
   * @param parentId the parent id
   * @param key the key
   * @param expectedVersion the version the caller read
   * @return the resource as stored
   * @throws NotFound if there is none
   * @throws VersionConflict if its version is another
   */
  public T lock(Handle h, long parentId, String key, long expectedVersion) {
    T current =
        query(h, parentId, key, " FOR UPDATE OF t")
            .orElseThrow(() -> new NotFound(resourceType, key));
    long version = meta.apply(current).version();
    if (version != expectedVersion) {
      throw new VersionConflict(resourceType, key, expectedVersion, version);
    }
    return current;
  }

  /**
   * Refuses a key that is taken in the parent.
   *
   * @param h the transaction
   * @param parentId the parent id
   * @param key the key
   * @throws AlreadyExists if a resource (archived or not) has that key
   */
  public void requireAbsent(Handle h, long parentId, String key) {
    if (find(h, parentId, key).isPresent()) {
      throw new AlreadyExists(resourceType, key);
    }
  }

  /**
   * One page of a parent's resources in key order.
   *
   * @param h the transaction
   * @param parentId the parent id
   * @param page the page request
   * @param filter key-prefix and archived filters (other members are handled through {@code
   *     conditions})
   * @param conditions further SQL conditions on {@code t}, with their parameters
   * @return the page
   */
  public Page<T> page(
      Handle h,
      long parentId,
      PageRequest page,
      ListFilter filter,
      Map<String, Object> conditions) {
    StringBuilder sql = new StringBuilder(select).append(" WHERE true");
    Map<String, Object> binds = new LinkedHashMap<>();
    if (parentColumn != null) {
      sql.append(" AND t.").append(parentColumn).append(" = :parent");
      binds.put("parent", parentId);
    }
    if (page.cursor().isPresent()) {
      sql.append(" AND t.key > :after");
      binds.put("after", Cursors.decode(page.cursor().get()));
    }
    if (filter.keyPrefix().isPresent()) {
      sql.append(" AND starts_with(t.key, :prefix)");
      binds.put("prefix", filter.keyPrefix().get());
    }
    if (filter.archived().isPresent()) {
      sql.append(" AND t.archived = :archived");
      binds.put("archived", filter.archived().get());
    }
    int n = 0;
    for (Map.Entry<String, Object> condition : conditions.entrySet()) {
      String name = "c" + n++;
      sql.append(" AND ").append(condition.getKey().replace(":?", ":" + name));
      binds.put(name, condition.getValue());
    }
    sql.append(" ORDER BY t.key LIMIT :limit");
    binds.put("limit", page.limit() + 1);
    Query query = h.createQuery(sql.toString());
    binds.forEach((name, value) -> Sql.bind(query, name, value));
    List<T> rows = new ArrayList<>(query.map(mapper).list());
    return Pages.of(rows, page.limit(), keyOf);
  }

  /**
   * Inserts a resource with version 1.
   *
   * @param h the transaction
   * @param parentId the parent id
   * @param key the key
   * @param actor who creates it
   * @param now the creation time
   * @param columns the other columns and their values
   * @return the stored resource
   */
  public T insert(
      Handle h, long parentId, String key, Actor actor, Instant now, Map<String, Object> columns) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (parentColumn != null) {
      values.put(parentColumn, parentId);
    }
    values.put("key", key);
    values.putAll(columns);
    values.put("created_at", now);
    values.put("updated_at", now);
    values.put("created_by", actor.id());
    values.put("updated_by", actor.id());
    StringBuilder names = new StringBuilder();
    StringBuilder placeholders = new StringBuilder();
    for (Map.Entry<String, Object> e : values.entrySet()) {
      if (names.length() > 0) {
        names.append(", ");
        placeholders.append(", ");
      }
      names.append(e.getKey());
      placeholders.append(Sql.placeholder(e.getKey(), e.getValue()));
    }
    Update insert =
        h.createUpdate("INSERT INTO " + table + " (" + names + ") VALUES (" + placeholders + ")");
    values.forEach((name, value) -> Sql.bind(insert, name, value));
    insert.execute();
    return get(h, parentId, key);
  }

  /**
   * Updates a resource (locked before with {@link #lock}) and bumps its version.
   *
   * @param h the transaction
   * @param current the resource as locked
   * @param key its key
   * @param actor who changes it
   * @param now the change time
   * @param columns the changed columns and their values
   * @return the stored resource
   */
  public T update(
      Handle h, T current, String key, Actor actor, Instant now, Map<String, Object> columns) {
    Meta m = meta.apply(current);
    Map<String, Object> values = new LinkedHashMap<>(columns);
    values.put("updated_at", now);
    values.put("updated_by", actor.id());
    StringBuilder sets = new StringBuilder("version = version + 1");
    for (Map.Entry<String, Object> e : values.entrySet()) {
      sets.append(", ")
          .append(e.getKey())
          .append(" = ")
          .append(Sql.placeholder(e.getKey(), e.getValue()));
    }
    Update update = h.createUpdate("UPDATE " + table + " SET " + sets + " WHERE id = :id");
    values.forEach((name, value) -> Sql.bind(update, name, value));
    update.bind("id", m.id()).execute();
    return h.createQuery(select + " WHERE t.id = :id").bind("id", m.id()).map(mapper).one();
  }

  private Optional<T> query(Handle h, long parentId, String key, String suffix) {
    String where =
        parentColumn == null
            ? " WHERE t.key = :key"
            : " WHERE t." + parentColumn + " = :parent AND t.key = :key";
    Query query = h.createQuery(select + where + suffix).bind("key", key);
    if (parentColumn != null) {
      query.bind("parent", parentId);
    }
    return query.map(mapper).findOne();
  }
}
