package dev.ff.control.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.domain.Meta;
import dev.ff.control.domain.Metric;
import dev.ff.control.domain.ProjectRef;
import dev.ff.control.store.Json;
import dev.ff.control.store.Scopes;
import dev.ff.control.store.Sql;
import dev.ff.control.store.Table;
import dev.ff.control.store.Tx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Metric definitions of a project. Body: {@code {"key", "name", "description", "kind":
 * "proportion"|"mean"|"ratio", "events": [name…], "direction": "increase"|"decrease", "guardrail":
 * bool}}; a ratio names two events (numerator, denominator), the other kinds one. {@code direction}
 * defaults to {@code increase}, {@code guardrail} to false.
 */
public final class MetricService extends ScopedService<ProjectRef, Metric> {
  static final Table<Metric> TABLE =
      new Table<>(
          "metric",
          "metric",
          "project_id",
          "SELECT t.* FROM metric t",
          (rs, ctx) ->
              new Metric(
                  rs.getString("key"),
                  rs.getString("name"),
                  rs.getString("description"),
                  rs.getString("kind"),
                  Sql.strings(rs, "event_names"),
                  rs.getString("direction"),
                  rs.getBoolean("guardrail"),
                  Sql.meta(rs)),
          Metric::key,
          Metric::meta);

  private static final List<String> KINDS = List.of("proportion", "mean", "ratio");
  private static final List<String> DIRECTIONS = List.of("increase", "decrease");

  /**
   * The service.
   *
   * @param tx the transaction runner
   */
  public MetricService(Tx tx) {
    super(tx, TABLE);
  }

  @Override
  protected Resolved resolve(Handle h, ProjectRef project) {
    Scopes.ProjectScope scope = Scopes.project(h, project);
    return new Resolved(scope.projectId(), scope.orgId(), project.org() + "/" + project.project());
  }

  @Override
  protected Collection<String> members() {
    return List.of("key", "name", "description", "kind", "events", "direction", "guardrail");
  }

  @Override
  protected Map<String, Object> columns(
      Handle h, Resolved scope, String key, Input in, Metric current) {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("name", OrgService.nonNull(in.text("name", true)));
    columns.put("description", in.text("description", false));
    String kind = in.text("kind", true);
    if (kind != null && !KINDS.contains(kind)) {
      in.problem("/kind", "must be one of " + KINDS);
    }
    columns.put("kind", kind);
    List<String> events = new ArrayList<>();
    JsonNode node = in.body().get("events");
    if (node == null || !node.isArray()) {
      in.problem("/events", "expected an array of event names");
    } else {
      for (int i = 0; i < node.size(); i++) {
        JsonNode e = node.get(i);
        if (!e.isTextual() || e.textValue().isBlank()) {
          in.problem("/events/" + i, "expected a non-empty event name");
        } else {
          events.add(e.textValue());
        }
      }
      int expected = "ratio".equals(kind) ? 2 : 1;
      if (node.size() != expected) {
        in.problem("/events", "a " + kind + " metric names " + expected + " event(s)");
      }
    }
    columns.put("event_names", events);
    String direction = in.text("direction", false);
    if (direction != null && !DIRECTIONS.contains(direction)) {
      in.problem("/direction", "must be one of " + DIRECTIONS);
    }
    columns.put("direction", direction == null ? "increase" : direction);
    columns.put("guardrail", in.bool("guardrail", false));
    return columns;
  }

  @Override
  protected ObjectNode editable(Metric metric) {
    ObjectNode json = Json.object();
    json.put("key", metric.key());
    json.put("name", metric.name());
    if (metric.description() != null) {
      json.put("description", metric.description());
    }
    json.put("kind", metric.kind());
    ArrayNode events = json.putArray("events");
    metric.events().forEach(events::add);
    json.put("direction", metric.direction());
    json.put("guardrail", metric.guardrail());
    return json;
  }

  @Override
  protected Meta meta(Metric resource) {
    return resource.meta();
  }
}
