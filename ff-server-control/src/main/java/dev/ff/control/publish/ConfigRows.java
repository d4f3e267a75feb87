package dev.ff.control.publish;

import dev.ff.control.store.Json;
import dev.ff.control.store.Sql;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Reading config_version rows, shared by the publisher and the reader. */
final class ConfigRows {
  static final String SELECT =
      "SELECT env_id, version, document, content_hash, published_at, published_by, rollback_of"
          + " FROM config_version";

  static final RowMapper<ConfigVersion> MAPPER =
      (rs, ctx) -> {
        long rollbackOf = rs.getLong("rollback_of");
        Optional<Long> rollback = rs.wasNull() ? Optional.empty() : Optional.of(rollbackOf);
        return new ConfigVersion(
            rs.getLong("env_id"),
            rs.getLong("version"),
            Json.parseObject(rs.getString("document")),
            rs.getString("content_hash"),
            Sql.instant(rs, "published_at"),
            rs.getString("published_by"),
            rollback);
      };

  private ConfigRows() {}

  static Optional<ConfigVersion> byVersion(Handle h, long envId, long version) {
    return h.createQuery(SELECT + " WHERE env_id = :env AND version = :version")
        .bind("env", envId)
        .bind("version", version)
        .map(MAPPER)
        .findOne();
  }

  static Optional<ConfigVersion> latest(Handle h, long envId) {
    return h.createQuery(SELECT + " WHERE env_id = :env ORDER BY version DESC LIMIT 1")
        .bind("env", envId)
        .map(MAPPER)
        .findOne();
  }
}
