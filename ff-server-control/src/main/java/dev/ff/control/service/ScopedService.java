package dev.ff.control.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.control.domain.Actor;
import dev.ff.control.domain.ListFilter;
import dev.ff.control.domain.Page;
import dev.ff.control.domain.PageRequest;
import dev.ff.control.store.Table;
import dev.ff.control.store.Tx;

/**
 * The public life cycle of a resource that lives inside a parent (a project in an organisation, an
 * environment in a project, a flag in an environment…): the same six calls for every such resource,
 * addressed by the parent and the key. Subclasses supply the table and the hooks of {@link
 * KeyedService}; what is special about a resource (its body, its checks) lives in those hooks.
 *
 * @param <S> the parent's address
 * @param <T> the resource record
 */
public abstract class ScopedService<S, T> extends KeyedService<S, T>
    implements ResourceOperations<S, T> {

  /**
   * A service over one table.
   *
   * @param tx the transaction runner
   * @param table the table
   */
  protected ScopedService(Tx tx, Table<T> table) {
    super(tx, table);
  }

  /**
   * Creates a resource.
   *
   * @param actor who
   * @param scope the parent
   * @param body the resource JSON (see the subclass for its members)
   * @return the stored resource, version 1
   * @throws dev.ff.control.domain.ValidationFailed with every problem's JSON Pointer
   * @throws dev.ff.control.domain.AlreadyExists when the key is taken
   * @throws dev.ff.control.domain.NotFound when the parent does not exist
   */
  @Override
  public T create(Actor actor, S scope, JsonNode body) {
    return doCreate(actor, scope, body);
  }

  /**
   * Reads a resource, archived or not.
   *
   * @param actor who
   * @param scope the parent
   * @param key the key
   * @return the resource
   * @throws dev.ff.control.domain.NotFound when it does not exist
   */
  @Override
  public T get(Actor actor, S scope, String key) {
    return doGet(scope, key);
  }

  /**
   * Lists the resources of a parent.
   *
   * @param actor who
   * @param scope the parent
   * @param page the page
   * @param filter key prefix, archived and the resource's own filters
   * @return one page in key order
   */
  @Override
  public Page<T> list(Actor actor, S scope, PageRequest page, ListFilter filter) {
    return doList(scope, page, filter);
  }

  /**
   * Updates a resource by JSON merge patch (arrays are replaced whole).
   *
   * @param actor who
   * @param scope the parent
   * @param key the key
   * @param patch the merge patch
   * @param expectedVersion the version the caller read
   * @return the stored resource, version + 1
   * @throws dev.ff.control.domain.VersionConflict when the stored version differs
   * @throws dev.ff.control.domain.ValidationFailed with every problem's JSON Pointer
   */
  @Override
  public T update(Actor actor, S scope, String key, JsonNode patch, long expectedVersion) {
    return doUpdate(actor, scope, key, patch, expectedVersion);
  }

  /**
   * Archives a resource: it stays readable but leaves lists (unless asked for) and the next
   * published document.
   *
   * @param actor who
   * @param scope the parent
   * @param key the key
   * @param expectedVersion the version the caller read
   * @return the stored resource, version + 1
   */
  @Override
  public T archive(Actor actor, S scope, String key, long expectedVersion) {
    return doSetArchived(actor, scope, key, true, expectedVersion);
  }

  /**
   * Restores an archived resource.
   *
   * @param actor who
   * @param scope the parent
   * @param key the key
   * @param expectedVersion the version the caller read
   * @return the stored resource, version + 1
   */
  @Override
  public T restore(Actor actor, S scope, String key, long expectedVersion) {
    return doSetArchived(actor, scope, key, false, expectedVersion);
  }
}
