package dev.ff.control.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.control.domain.Actor;
import dev.ff.control.domain.ListFilter;
import dev.ff.control.domain.Page;
import dev.ff.control.domain.PageRequest;

/**
 * The life cycle every keyed resource offers: create, get, list, merge-patch update, archive and
 * restore, addressed by the parent ({@code S}) and the key. The REST layer serves any
 * implementation with the same routes.
 *
 * @param <S> the parent's address
 * @param <T> the resource record
 */
public interface ResourceOperations<S, T> {
  /**
   * Creates.
   *
   * @param actor who
   * @param scope the parent
   * @param body the body
   * @return the resource
   */
  T create(Actor actor, S scope, JsonNode body);

  /**
   * Reads.
   *
   * @param actor who
   * @param scope the parent
   * @param key the key
   * @return the resource
   */
  T get(Actor actor, S scope, String key);

  /**
   * Lists.
   *
   * @param actor who
   * @param scope the parent
   * @param page the page
   * @param filter the filter
   * @return one page
   */
  Page<T> list(Actor actor, S scope, PageRequest page, ListFilter filter);

  /**
   * Merge-patches.
   *
   * @param actor who
   * @param scope the parent
   * @param key the key
   * @param patch the merge patch
   * @param expectedVersion the {@code If-Match} version
   * @return the resource
   */
  T update(Actor actor, S scope, String key, JsonNode patch, long expectedVersion);

  /**
   * Archives.
   *
   * @param actor who
   * @param scope the parent
   * @param key the key
   * @param expectedVersion the {@code If-Match} version
   * @return the resource
   */
  T archive(Actor actor, S scope, String key, long expectedVersion);

  /**
   * Restores.
   *
   * @param actor who
   * @param scope the parent
   * @param key the key
   * @param expectedVersion the {@code If-Match} version
   * @return the resource
   */
  T restore(Actor actor, S scope, String key, long expectedVersion);
}
