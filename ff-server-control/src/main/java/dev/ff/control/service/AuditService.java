package dev.ff.control.service;

import dev.ff.control.domain.Actor;
import dev.ff.control.domain.AuditEntry;
import dev.ff.control.domain.AuditQuery;
import dev.ff.control.domain.Page;
import dev.ff.control.domain.PageRequest;
import dev.ff.control.domain.ValidationFailed;
import dev.ff.control.store.Cursors;
import dev.ff.control.store.Json;
import dev.ff.control.store.Pages;
import dev.ff.control.store.Scopes;
import dev.ff.control.store.Sql;
import dev.ff.control.store.Tx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the audit log of an organisation, newest first. */
public final class AuditService {
  private final Tx tx;

  /**
   * The service.
   *
   * @param tx the transaction runner
   */
  public AuditService(Tx tx) {
    this.tx = tx;
  }

  /**
   * Lists audit rows.
   *
   * @param actor who
   * @param org the organisation key
   * @param query the filters
   * @param page the page (cursor: the last row id seen)
   * @return one page, newest first
   */
  public Page<AuditEntry> list(Actor actor, String org, AuditQuery query, PageRequest page) {
    return tx.call(
        h -> {
          long orgId = Scopes.org(h, org).orgId();
          StringBuilder sql =
              new StringBuilder(
                  "SELECT a.*, o.key AS org_key FROM audit_log a LEFT JOIN org o ON o.id ="
                      + " a.org_id WHERE a.org_id = :org");
          Map<String, Object> binds = new LinkedHashMap<>();
          binds.put("org", orgId);
          if (page.cursor().isPresent()) {
            sql.append(" AND a.id < :before");
            binds.put("before", parseId(Cursors.decode(page.cursor().get())));
          }
          query
              .resourceType()
              .ifPresent(v -> filter(sql, binds, "a.resource_type = :type", "type", v));
          query.resourceKey().ifPresent(v -> filter(sql, binds, "a.resource_key = :key", "key", v));
          query.actorId().ifPresent(v -> filter(sql, binds, "a.actor_id = :actor", "actor", v));
          query.action().ifPresent(v -> filter(sql, binds, "a.action = :action", "action", v));
          query.from().ifPresent(v -> filter(sql, binds, "a.at >= :from", "from", v));
          query.to().ifPresent(v -> filter(sql, binds, "a.at < :to", "to", v));
          sql.append(" ORDER BY a.id DESC LIMIT :limit");
          binds.put("limit", page.limit() + 1);
          var q = h.createQuery(sql.toString());
          binds.forEach((name, value) -> Sql.bind(q, name, value));
          List<AuditEntry> rows =
              new ArrayList<>(
                  q.map(
                          (rs, ctx) ->
                              new AuditEntry(
                                  rs.getLong("id"),
                                  rs.getString("org_key"),
                                  rs.getString("actor_id"),
                                  rs.getString("actor_kind"),
                                  rs.getString("actor_display"),
                                  rs.getString("action"),
                                  rs.getString("resource_type"),
                                  rs.getString("resource_key"),
                                  Json.parse(rs.getString("diff_json")),
                                  rs.getString("correlation_id"),
                                  Sql.instant(rs, "at")))
                      .list());
          return Pages.of(rows, page.limit(), e -> Long.toString(e.id()));
        });
  }

  private static void filter(
      StringBuilder sql, Map<String, Object> binds, String condition, String name, Object value) {
    sql.append(" AND ").append(condition);
    binds.put(name, value);
  }

  private static long parseId(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ValidationFailed.of("/cursor", "invalid cursor");
    }
  }
}
