package dev.ff.control.service;

import dev.ff.control.domain.Meta;
import org.jdbi.v3.core.Handle;

/** Membership rules shared by the organisation and member services. */
final class Members {
  private Members() {}

  /**
   * Makes the creator of an organisation its owner when the creator is a user.
   *
   * @param h the transaction
   * @param orgId the new organisation
   * @param actorId the creator's actor id ({@code user:<id>} binds, anything else does not)
   * @param meta the organisation's bookkeeping (timestamps)
   */
  static void bindCreatorAsOwner(Handle h, long orgId, String actorId, Meta meta) {
    if (!actorId.startsWith("user:")) {
      return;
    }
    long userId;
    try {
      userId = Long.parseLong(actorId.substring("user:".length()));
    } catch (NumberFormatException e) {
      return;
    }
    boolean exists =
        h.createQuery("SELECT count(*) FROM users WHERE id = :id")
                .bind("id", userId)
                .mapTo(Long.class)
                .one()
            > 0;
    if (!exists) {
      return;
    }
    h.createUpdate(
            "INSERT INTO role_binding (org_id, subject_kind, user_id, role, scope_kind,"
                + " created_at, updated_at, created_by, updated_by) VALUES (:org, 'user', :user,"
                + " 'owner', 'org', :at, :at, :by, :by)")
        .bind("org", orgId)
        .bind("user", userId)
        .bind("at", meta.createdAt().atOffset(java.time.ZoneOffset.UTC))
        .bind("by", actorId)
        .execute();
  }
}
