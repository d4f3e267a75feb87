package dev.ff.control.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.Meta;
import dev.ff.control.domain.Segment;
import dev.ff.control.store.Json;
import dev.ff.control.store.Sql;
import dev.ff.control.store.Table;
import dev.ff.control.store.Tx;
import dev.ff.core.validate.ConfigValidator;
import dev.ff.core.validate.Diagnostic;
import java.util.Collection;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Segments of an environment. Body: the segment JSON of docs/evaluation.md §4. A segment is
 * validated by ff-core's document validator together with the environment's other live segments, so
 * references to unknown segments and cycles are refused on save.
 */
public final class SegmentService extends ScopedService<EnvRef, Segment> {
  static final Table<Segment> TABLE =
      new Table<>(
          "segment",
          "segment",
          "env_id",
          "SELECT t.* FROM segment t",
          (rs, ctx) ->
              new Segment(
                  rs.getString("key"), Json.parseObject(rs.getString("body")), Sql.meta(rs)),
          Segment::key,
          Segment::meta);

  private static final String NEUTRAL_SALT = "00000000000000000000000000000000";

  /**
   * The service.
   *
   * @param tx the transaction runner
   */
  public SegmentService(Tx tx) {
    super(tx, TABLE);
  }

  @Override
  protected Resolved resolve(Handle h, EnvRef env) {
    return EnvScoped.resolve(h, env);
  }

  @Override
  protected Collection<String> members() {
    return null;
  }

  @Override
  protected String readKey(Input in) {
    JsonNode key = in.body().get("key");
    return key != null && key.isTextual() ? key.textValue() : null;
  }

  @Override
  protected Map<String, Object> columns(
      Handle h, Resolved scope, String key, Input in, Segment current) {
    if (in.hasProblems()) {
      return Map.of();
    }
    String member = key == null ? "segment" : key;
    ObjectNode doc = Json.object();
    doc.put("env", "validation");
    doc.put("project", "validation");
    doc.put("version", 1);
    doc.put("salt", NEUTRAL_SALT);
    doc.putObject("flags");
    ObjectNode segments = doc.putObject("segments");
    h.createQuery(
            "SELECT key, body FROM segment WHERE env_id = :env AND NOT archived AND key <> :key")
        .bind("env", scope.parentId())
        .bind("key", member)
        .map((rs, ctx) -> Map.entry(rs.getString("key"), Json.parse(rs.getString("body"))))
        .forEach(e -> segments.set(e.getKey(), e.getValue()));
    segments.set(member, in.body());
    String prefix = "/segments/" + member.replace("~", "~0").replace("/", "~1");
    for (Diagnostic d : ConfigValidator.validateDocument(doc)) {
      if (d.path().equals(prefix) || d.path().startsWith(prefix + "/")) {
        in.problem(d.path().substring(prefix.length()), d.message());
      }
    }
    return Map.of("body", in.body());
  }

  @Override
  protected ObjectNode editable(Segment segment) {
    return segment.body().deepCopy();
  }

  @Override
  protected Meta meta(Segment resource) {
    return resource.meta();
  }
}
