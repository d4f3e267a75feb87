package dev.ff.control.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.domain.Actor;
import dev.ff.control.domain.ListFilter;
import dev.ff.control.domain.Meta;
import dev.ff.control.domain.Page;
import dev.ff.control.domain.PageRequest;
import dev.ff.control.store.AuditLog;
import dev.ff.control.store.Table;
import dev.ff.control.store.Tx;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * The shared life cycle of keyed resources: create from a JSON body, get, list (cursor pages in key
 * order with filters), update by merge patch with a version check, archive and restore; every
 * change audited in its own transaction. Subclasses say how to resolve the scope, which members a
 * body has and how the body maps to columns; {@link ScopedService} exposes the public calls for
 * resources inside a parent, {@link OrgService} its own for the top level.
 *
 * @param <S> the scope type (the parent's address)
 * @param <T> the resource record
 */
public abstract class KeyedService<S, T> {
  /** The transaction runner. */
  protected final Tx tx;

  /** The resource's table. */
  protected final Table<T> table;

  /**
   * A service over a table.
   *
   * @param tx the transaction runner
   * @param table the resource's table
   */
  protected KeyedService(Tx tx, Table<T> table) {
    this.tx = tx;
    this.table = table;
  }

  /**
   * A resolved scope.
   *
   * @param parentId the parent row id (0 for top-level resources)
   * @param orgId the organisation id for audit rows, or null
   * @param qualifier the parent's keys joined by {@code /}, prefixed to audited keys ({@code ""}
   *     for top-level resources)
   */
  protected record Resolved(long parentId, Long orgId, String qualifier) {
    String qualify(String key) {
      return qualifier.isEmpty() ? key : qualifier + "/" + key;
    }
  }

  /**
   * Resolves the scope of a call.
   *
   * @param h the transaction
   * @param scope the address
   * @return the ids
   */
  protected abstract Resolved resolve(Handle h, S scope);

  /**
   * The members a body may have, or null when {@link #columns} reports unknown members itself.
   *
   * @return the member names
   */
  protected abstract Collection<String> members();

  /**
   * Reads the body into column values, recording every problem on {@code in}.
   *
   * @param h the transaction
   * @param scope the resolved scope
   * @param key the resource key (null when it is malformed)
   * @param in the body reader
   * @param current the stored resource on update, null on create
   * @return the columns other than the key
   */
  protected abstract Map<String, Object> columns(
      Handle h, Resolved scope, String key, Input in, T current);

  /**
   * The editable JSON of a resource: what a merge patch applies to.
   *
   * @param resource the resource
   * @return its JSON, with the same members as a create body
   */
  protected abstract ObjectNode editable(T resource);

  /**
   * The bookkeeping of a resource.
   *
   * @param resource the resource
   * @return its meta
   */
  protected abstract Meta meta(T resource);

  /**
   * Extra list conditions from the filter (tag, status); none by default.
   *
   * @param filter the filter
   * @return SQL conditions on {@code t} with {@code :?} standing for their parameter
   */
  protected Map<String, Object> conditions(ListFilter filter) {
    return Map.of();
  }

  /**
   * Reads the key of a body; a problem is recorded when it is missing or malformed.
   *
   * @param in the body reader
   * @return the key, or null
   */
  protected String readKey(Input in) {
    return in.key("key");
  }

  /**
   * Hook called after a create or an update, inside the same transaction.
   *
   * @param h the transaction
   * @param scope the resolved scope
   * @param before the resource before (null on create)
   * @param after the resource after
   */
  protected void afterWrite(Handle h, Resolved scope, T before, T after) {}

  /**
   * Creates a resource.
   *
   * @param actor who
   * @param scope the parent
   * @param body the create body
   * @return the stored resource, version 1
   */
  protected T doCreate(Actor actor, S scope, JsonNode body) {
    return tx.call(
        h -> {
          Resolved resolved = resolve(h, scope);
          Input in = Input.of(body, members());
          String key = readKey(in);
          Map<String, Object> columns = columns(h, resolved, key, in, null);
          in.check();
          table.requireAbsent(h, resolved.parentId(), key);
          Instant now = tx.now();
          T created = table.insert(h, resolved.parentId(), key, actor, now, columns);
          afterWrite(h, resolved, null, created);
          audit(h, resolved, actor, "create", key, null, created, now);
          return created;
        });
  }

  /**
   * Reads a resource.
   *
   * @param scope the parent
   * @param key the key
   * @return the resource, archived or not
   */
  protected T doGet(S scope, String key) {
    return tx.call(h -> table.get(h, resolve(h, scope).parentId(), key));
  }

  /**
   * Lists resources.
   *
   * @param scope the parent
   * @param page the page
   * @param filter the filters
   * @return one page in key order
   */
  protected Page<T> doList(S scope, PageRequest page, ListFilter filter) {
    return tx.call(
        h -> table.page(h, resolve(h, scope).parentId(), page, filter, conditions(filter)));
  }

  /**
   * Updates a resource by merge patch.
   *
   * @param actor who
   * @param scope the parent
   * @param key the key
   * @param patch the merge patch
   * @param expectedVersion the version the caller read
   * @return the stored resource, version + 1
   */
  protected T doUpdate(Actor actor, S scope, String key, JsonNode patch, long expectedVersion) {
    return tx.call(
        h -> {
          Resolved resolved = resolve(h, scope);
          T current = table.lock(h, resolved.parentId(), key, expectedVersion);
          ObjectNode merged = MergePatch.apply(editable(current), patch);
          Input in = Input.of(merged, members());
          String newKey = readKey(in);
          if (newKey != null && !Objects.equals(newKey, key)) {
            in.problem("/key", "the key cannot change");
          }
          Map<String, Object> columns = columns(h, resolved, key, in, current);
          in.check();
          Instant now = tx.now();
          T updated = table.update(h, current, key, actor, now, columns);
          afterWrite(h, resolved, current, updated);
          audit(h, resolved, actor, "update", key, current, updated, now);
          return updated;
        });
  }

  /**
   * Archives or restores a resource.
   *
   * @param actor who
   * @param scope the parent
   * @param key the key
   * @param archived the new state
   * @param expectedVersion the version the caller read
   * @return the stored resource, version + 1
   */
  protected T doSetArchived(
      Actor actor, S scope, String key, boolean archived, long expectedVersion) {
    return tx.call(
        h -> {
          Resolved resolved = resolve(h, scope);
          T current = table.lock(h, resolved.parentId(), key, expectedVersion);
          beforeArchive(h, resolved, current, archived);
          Instant now = tx.now();
          T updated = table.update(h, current, key, actor, now, Map.of("archived", archived));
          audit(h, resolved, actor, archived ? "archive" : "restore", key, current, updated, now);
          return updated;
        });
  }

  /**
   * Hook to refuse archiving (a running experiment); allows by default.
   *
   * @param h the transaction
   * @param scope the resolved scope
   * @param current the resource
   * @param archived the requested state
   */
  protected void beforeArchive(Handle h, Resolved scope, T current, boolean archived) {}

  /**
   * The organisation an audit row belongs to; the scope's by default.
   *
   * @param scope the resolved scope
   * @param resource the changed resource
   * @return the organisation id, or null
   */
  protected Long auditOrgId(Resolved scope, T resource) {
    return scope.orgId();
  }

  /**
   * Writes an audit row for a change of this service's resource type.
   *
   * @param h the transaction
   * @param scope the resolved scope
   * @param actor who
   * @param verb e.g. {@code update}; the action is {@code <type>.<verb>}
   * @param key the resource key
   * @param before the resource before, or null
   * @param after the resource after, or null
   * @param now when
   */
  protected void audit(
      Handle h,
      Resolved scope,
      Actor actor,
      String verb,
      String key,
      T before,
      T after,
      Instant now) {
    AuditLog.record(
        h,
        auditOrgId(scope, after != null ? after : before),
        actor,
        table.resourceType() + "." + verb,
        table.resourceType(),
        scope.qualify(key),
        before,
        after,
        now);
  }
}
