package dev.ff.control.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.domain.Actor;
import java.time.Instant;

/**
 * Writes audit rows. Services call it inside the transaction of the change itself, so a change and
 * its audit row commit or roll back together.
 */
public final class AuditLog {
  private AuditLog() {}

  /**
   * Records one change.
   *
   * @param h the transaction of the change
   * @param orgId the organisation, or null for global resources
   * @param actor who made the change
   * @param action e.g. {@code flag.update}
   * @param resourceType e.g. {@code flag}
   * @param resourceKey the qualified key, e.g. {@code shop/production/checkout}
   * @param before the resource before (a record or a tree), null on creation
   * @param after the resource after, null on deletion
   * @param at when
   */
  public static void record(
      org.jdbi.v3.core.Handle h,
      Long orgId,
      Actor actor,
      String action,
      String resourceType,
      String resourceKey,
      Object before,
      Object after,
      Instant at) {
    ObjectNode diff = Json.object();
    diff.set("before", Json.tree(before));
    diff.set("after", Json.tree(after));
    var insert =
        h.createUpdate(
            "INSERT INTO audit_log (org_id, actor_id, actor_kind, actor_display, action,"
                + " resource_type, resource_key, diff_json, correlation_id, at) VALUES (:org,"
                + " :actorId, :actorKind, :actorDisplay, :action, :type, :key, CAST(:diff AS"
                + " jsonb), :correlation, :at)");
    Sql.bind(insert, "org", orgId);
    insert
        .bind("actorId", actor.id())
        .bind("actorKind", actor.kind().name())
        .bind("actorDisplay", actor.display())
        .bind("action", action)
        .bind("type", resourceType)
        .bind("key", resourceKey)
        .bind("diff", Json.write(diff));
    Sql.bind(insert, "correlation", actor.correlationId());
    Sql.bind(insert, "at", at);
    insert.execute();
  }
}
