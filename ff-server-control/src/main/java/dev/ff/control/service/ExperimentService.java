package dev.ff.control.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.control.domain.Actor;
import dev.ff.control.domain.EnvRef;
import dev.ff.control.domain.ExclusionGroup;
import dev.ff.control.domain.Experiment;
import dev.ff.control.domain.ExperimentStatus;
import dev.ff.control.domain.Flag;
import dev.ff.control.domain.InvalidState;
import dev.ff.control.domain.ListFilter;
import dev.ff.control.domain.Meta;
import dev.ff.control.domain.ValidationFailed;
import dev.ff.control.domain.WeightedVariation;
import dev.ff.control.store.Json;
import dev.ff.control.store.Sql;
import dev.ff.control.store.Table;
import dev.ff.control.store.Tx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Experiments of an environment, and their life cycle: draft → running → stopped.
 *
 * <p>Body: {@code {"key", "flag", "variations": [{"variation", "weight"}…], "hypothesis",
 * "primaryMetric", "secondaryMetrics": [key…], "trafficAllocation": 0..10000 (default 10000),
 * "exclusionGroup": {"key", "size"} | {"key", "start", "end"}}}. Only drafts can be edited.
 *
 * <p>{@link #start} assigns the exclusion range (the lowest free range of the requested size, or
 * the explicit range, refused when it overlaps a running experiment of the same group in the
 * environment); while running, every published document gives the flag a last rule carrying the
 * experiment's rollout. {@link #stop} removes it from the next document; with a winner, the flag's
 * default variation becomes the winner (in the same transaction, audited as a flag update).
 */
public final class ExperimentService extends ScopedService<EnvRef, Experiment> {
  static final Table<Experiment> TABLE =
      new Table<>(
          "experiment",
          "experiment",
          "env_id",
          "SELECT t.* FROM experiment t",
          (rs, ctx) -> {
            List<WeightedVariation> variations = new ArrayList<>();
            for (JsonNode v : Json.parse(rs.getString("variations"))) {
              variations.add(
                  new WeightedVariation(
                      v.get("variation").textValue(), v.get("weight").intValue()));
            }
            String group = rs.getString("exclusion_group");
            Optional<ExclusionGroup> exclusion =
                group == null
                    ? Optional.empty()
                    : Optional.of(
                        new ExclusionGroup(
                            group,
                            Sql.integer(rs, "exclusion_size"),
                            Sql.integer(rs, "exclusion_start"),
                            Sql.integer(rs, "exclusion_end")));
            return new Experiment(
                rs.getString("key"),
                rs.getString("flag_key"),
                variations,
                rs.getString("hypothesis"),
                rs.getString("primary_metric"),
                Sql.strings(rs, "secondary_metrics"),
                rs.getInt("traffic_allocation"),
                exclusion,
                ExperimentStatus.fromWire(rs.getString("status")),
                Optional.ofNullable(Sql.instant(rs, "started_at")),
                Optional.ofNullable(Sql.instant(rs, "stopped_at")),
                Optional.ofNullable(rs.getString("winner_variation")),
                Sql.meta(rs));
          },
          Experiment::key,
          Experiment::meta);

  private static final int BUCKETS = 10_000;

  /**
   * The service.
   *
   * @param tx the transaction runner
   */
  public ExperimentService(Tx tx) {
    super(tx, TABLE);
  }

  /**
   * Starts a draft experiment: from the next publish on, its rollout is part of the document.
   *
   * @param actor who
   * @param env the environment
   * @param key the experiment key
   * @param expectedVersion the version the caller read
   * @return the running experiment, with its exclusion range assigned
   * @throws InvalidState if it is not a draft, archived, its flag already runs an experiment, or no
   *     exclusion range is free
   * @throws ValidationFailed if its flag or variations no longer exist
   */
  public Experiment start(Actor actor, EnvRef env, String key, long expectedVersion) {
    return tx.call(
        h -> {
          Resolved scope = resolve(h, env);
          // Serialises starts (and publishes) of the environment: ranges are assigned one by one.
          h.createQuery("SELECT id FROM environment WHERE id = :id FOR UPDATE")
              .bind("id", scope.parentId())
              .mapTo(Long.class)
              .one();
          Experiment current = table.lock(h, scope.parentId(), key, expectedVersion);
          if (current.status() != ExperimentStatus.DRAFT || current.meta().archived()) {
            throw new InvalidState(
                "experiment '" + key + "' is " + current.status().wire() + ", not a draft");
          }
          Input check = Input.of(Json.object(), null);
          checkFlag(h, scope, current.flag(), current.variations(), check);
          check.check();
          boolean busy =
              h.createQuery(
                          "SELECT count(*) FROM experiment WHERE env_id = :env AND flag_key = :flag"
                              + " AND status = 'running'")
                      .bind("env", scope.parentId())
                      .bind("flag", current.flag())
                      .mapTo(Long.class)
                      .one()
                  > 0;
          if (busy) {
            throw new InvalidState("flag '" + current.flag() + "' already runs an experiment");
          }
          Instant now = tx.now();
          Map<String, Object> columns = new LinkedHashMap<>();
          columns.put("status", ExperimentStatus.RUNNING.wire());
          columns.put("started_at", now);
          if (current.exclusionGroup().isPresent()) {
            int[] range = assignRange(h, scope.parentId(), current.exclusionGroup().get());
            columns.put("exclusion_start", range[0]);
            columns.put("exclusion_end", range[1]);
          }
          Experiment started = table.update(h, current, key, actor, now, columns);
          audit(h, scope, actor, "start", key, current, started, now);
          return started;
        });
  }

  /**
   * Stops a running experiment: its rollout leaves the next published document.
   *
   * @param actor who
   * @param env the environment
   * @param key the experiment key
   * @param winner the variation the flag serves from now on (becomes its default variation), or
   *     empty to give the flag back its previous behaviour
   * @param expectedVersion the version the caller read
   * @return the stopped experiment
   * @throws InvalidState if it is not running
   * @throws ValidationFailed at {@code /winner} if the winner is not one of its variations
   */
  public Experiment stop(
      Actor actor, EnvRef env, String key, Optional<String> winner, long expectedVersion) {
    return tx.call(
        h -> {
          Resolved scope = resolve(h, env);
          Experiment current = table.lock(h, scope.parentId(), key, expectedVersion);
          if (current.status() != ExperimentStatus.RUNNING) {
            throw new InvalidState(
                "experiment '" + key + "' is " + current.status().wire() + ", not running");
          }
          if (winner.isPresent()
              && current.variations().stream().noneMatch(v -> v.variation().equals(winner.get()))) {
            throw ValidationFailed.of("/winner", "not a variation of the experiment");
          }
          Instant now = tx.now();
          if (winner.isPresent()) {
            Flag flag = FlagService.TABLE.get(h, scope.parentId(), current.flag());
            ObjectNode body = flag.body().deepCopy();
            body.put("defaultVariation", winner.get());
            Flag updated =
                FlagService.TABLE.update(h, flag, flag.key(), actor, now, Map.of("body", body));
            dev.ff.control.store.AuditLog.record(
                h,
                scope.orgId(),
                actor,
                "flag.update",
                "flag",
                scope.qualify(flag.key()),
                flag,
                updated,
                now);
          }
          Map<String, Object> columns = new LinkedHashMap<>();
          columns.put("status", ExperimentStatus.STOPPED.wire());
          columns.put("stopped_at", now);
          columns.put("winner_variation", winner.orElse(null));
          Experiment stopped = table.update(h, current, key, actor, now, columns);
          audit(h, scope, actor, "stop", key, current, stopped, now);
          return stopped;
        });
  }

  @Override
  protected Resolved resolve(Handle h, EnvRef env) {
    return EnvScoped.resolve(h, env);
  }

  @Override
  protected Collection<String> members() {
    return List.of(
        "key",
        "flag",
        "variations",
        "hypothesis",
        "primaryMetric",
        "secondaryMetrics",
        "trafficAllocation",
        "exclusionGroup");
  }

  @Override
  protected Map<String, Object> columns(
      Handle h, Resolved scope, String key, Input in, Experiment current) {
    if (current != null && current.status() != ExperimentStatus.DRAFT) {
      throw new InvalidState("only draft experiments can be edited");
    }
    Map<String, Object> columns = new LinkedHashMap<>();
    String flag = in.key("flag");
    List<WeightedVariation> variations = variations(in);
    if (flag != null) {
      checkFlag(h, scope, flag, variations, in);
    }
    columns.put("flag_key", flag);
    ArrayNode json = Json.MAPPER.createArrayNode();
    variations.forEach(
        v -> json.addObject().put("variation", v.variation()).put("weight", v.weight()));
    columns.put("variations", json);
    columns.put("hypothesis", in.text("hypothesis", false));
    columns.put("primary_metric", in.optionalKey("primaryMetric"));
    columns.put("secondary_metrics", in.keys("secondaryMetrics"));
    columns.put("traffic_allocation", in.integer("trafficAllocation", 0, BUCKETS, BUCKETS));
    ExclusionGroup group = exclusionGroup(in);
    columns.put("exclusion_group", group == null ? null : group.key());
    columns.put("exclusion_size", group == null ? null : group.size());
    columns.put("exclusion_start", group == null ? null : group.start());
    columns.put("exclusion_end", group == null ? null : group.end());
    return columns;
  }

  @Override
  protected Map<String, Object> conditions(ListFilter filter) {
    return filter
        .status()
        .<Map<String, Object>>map(s -> Map.of("t.status = :?", s))
        .orElse(Map.of());
  }

  @Override
  protected void beforeArchive(Handle h, Resolved scope, Experiment current, boolean archived) {
    if (archived && current.status() == ExperimentStatus.RUNNING) {
      throw new InvalidState("stop experiment '" + current.key() + "' before archiving it");
    }
  }

  @Override
  protected ObjectNode editable(Experiment e) {
    ObjectNode json = Json.object();
    json.put("key", e.key());
    json.put("flag", e.flag());
    ArrayNode variations = json.putArray("variations");
    e.variations()
        .forEach(
            v -> variations.addObject().put("variation", v.variation()).put("weight", v.weight()));
    if (e.hypothesis() != null) {
      json.put("hypothesis", e.hypothesis());
    }
    if (e.primaryMetric() != null) {
      json.put("primaryMetric", e.primaryMetric());
    }
    ArrayNode secondary = json.putArray("secondaryMetrics");
    e.secondaryMetrics().forEach(secondary::add);
    json.put("trafficAllocation", e.trafficAllocation());
    e.exclusionGroup()
        .ifPresent(
            g -> {
              ObjectNode xg = json.putObject("exclusionGroup");
              xg.put("key", g.key());
              if (g.size() != null) {
                xg.put("size", g.size());
              } else {
                xg.put("start", g.start());
                xg.put("end", g.end());
              }
            });
    return json;
  }

  @Override
  protected Meta meta(Experiment resource) {
    return resource.meta();
  }

  private static List<WeightedVariation> variations(Input in) {
    List<WeightedVariation> result = new ArrayList<>();
    JsonNode node = in.body().get("variations");
    if (node == null || !node.isArray() || node.size() < 2) {
      in.problem("/variations", "expected an array of at least two {variation, weight}");
      return result;
    }
    int sum = 0;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String path = "/variations/" + i;
      JsonNode item = node.get(i);
      if (!item.isObject()) {
        in.problem(path, "expected an object");
        continue;
      }
      item.fieldNames()
          .forEachRemaining(
              name -> {
                if (!name.equals("variation") && !name.equals("weight")) {
                  in.problem(path + "/" + name, "unknown member '" + name + "'");
                }
              });
      JsonNode variation = item.get("variation");
      String key = null;
      if (variation == null || !variation.isTextual()) {
        in.problem(path + "/variation", "required");
      } else {
        key = in.checkKey(path + "/variation", variation.textValue());
        if (key != null && !seen.add(key)) {
          in.problem(path + "/variation", "duplicate variation");
        }
      }
      Integer weight = in.integerAt(item.get("weight"), path + "/weight", 0, BUCKETS, null);
      if (item.get("weight") == null) {
        in.problem(path + "/weight", "required");
      }
      if (key != null && weight != null) {
        result.add(new WeightedVariation(key, weight));
        sum += weight;
      }
    }
    if (result.size() == node.size() && sum != BUCKETS) {
      in.problem("/variations", "weights must sum to " + BUCKETS + ", not " + sum);
    }
    return result;
  }

  private static ExclusionGroup exclusionGroup(Input in) {
    JsonNode node = in.body().get("exclusionGroup");
    if (node == null || node.isNull()) {
      return null;
    }
    Input group = Input.of(node, List.of("key", "size", "start", "end"));
    String key = group.key("key");
    Integer size = group.integer("size", 1, BUCKETS, null);
    Integer start = group.integer("start", 0, BUCKETS - 1, null);
    Integer end = group.integer("end", 1, BUCKETS, null);
    boolean explicit = node.has("start") || node.has("end");
    if (explicit == node.has("size")) {
      group.problem("", "give either size or start and end");
    } else if (explicit && (start == null || end == null || start >= end)) {
      group.problem("/end", "needs start < end");
    }
    try {
      group.check();
    } catch (ValidationFailed e) {
      e.problems().forEach(p -> in.problem("/exclusionGroup" + p.path(), p.message()));
      return null;
    }
    return new ExclusionGroup(key, size, start, end);
  }

  private static void checkFlag(
      Handle h, Resolved scope, String flagKey, List<WeightedVariation> variations, Input in) {
    Optional<Flag> flag = FlagService.TABLE.find(h, scope.parentId(), flagKey);
    if (flag.isEmpty() || flag.get().meta().archived()) {
      in.problem("/flag", "no live flag '" + flagKey + "' in this environment");
      return;
    }
    Set<String> known = new HashSet<>();
    flag.get().body().path("variations").forEach(v -> known.add(v.path("key").asText()));
    for (int i = 0; i < variations.size(); i++) {
      if (!known.contains(variations.get(i).variation())) {
        in.problem("/variations/" + i + "/variation", "not a variation of flag '" + flagKey + "'");
      }
    }
  }

  /** The [start, end) range of a starting experiment; refuses overlaps with running ones. */
  private static int[] assignRange(Handle h, long envId, ExclusionGroup group) {
    List<int[]> taken =
        h.createQuery(
                "SELECT exclusion_start, exclusion_end FROM experiment WHERE env_id = :env AND"
                    + " exclusion_group = :group AND status = 'running' ORDER BY exclusion_start")
            .bind("env", envId)
            .bind("group", group.key())
            .map((rs, ctx) -> new int[] {rs.getInt(1), rs.getInt(2)})
            .list();
    if (group.size() == null) {
      for (int[] t : taken) {
        if (group.start() < t[1] && t[0] < group.end()) {
          throw new InvalidState(
              "exclusion range ["
                  + group.start()
                  + ", "
                  + group.end()
                  + ") of group '"
                  + group.key()
                  + "' overlaps running range ["
                  + t[0]
                  + ", "
                  + t[1]
                  + ")");
        }
      }
      return new int[] {group.start(), group.end()};
    }
    int cursor = 0;
    for (int[] t : taken) {
      if (t[0] - cursor >= group.size()) {
        break;
      }
      cursor = Math.max(cursor, t[1]);
    }
    if (BUCKETS - cursor < group.size()) {
      throw new InvalidState(
          "no free range of " + group.size() + " buckets in exclusion group '" + group.key() + "'");
    }
    return new int[] {cursor, cursor + group.size()};
  }
}
