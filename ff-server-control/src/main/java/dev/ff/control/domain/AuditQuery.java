package dev.ff.control.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Filters of the audit list; each is optional.
 *
 * @param resourceType only this resource type
 * @param resourceKey only this qualified resource key
 * @param actorId only this actor
 * @param action only this action
 * @param from only rows at or after this instant
 * @param to only rows before this instant
 */
public record AuditQuery(
    Optional<String> resourceType,
    Optional<String> resourceKey,
    Optional<String> actorId,
    Optional<String> action,
    Optional<Instant> from,
    Optional<Instant> to) {

  /**
   * No filter.
   *
   * @return the empty query
   */
  public static AuditQuery all() {
    return new AuditQuery(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * This query restricted to one resource type.
   *
   * @param type the resource type
   * @return a copy
   */
  public AuditQuery withResourceType(String type) {
    return new AuditQuery(Optional.of(type), resourceKey, actorId, action, from, to);
  }

  /**
   * This query restricted to one action.
   *
   * @param value the action
   * @return a copy
   */
  public AuditQuery withAction(String value) {
    return new AuditQuery(resourceType, resourceKey, actorId, Optional.of(value), from, to);
  }

  /**
   * This query restricted to one resource.
   *
   * @param key the qualified resource key
   * @return a copy
   */
  public AuditQuery withResourceKey(String key) {
    return new AuditQuery(resourceType, Optional.of(key), actorId, action, from, to);
  }
}
