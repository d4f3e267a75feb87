package dev.ff.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ff.core.bucket.Bucketing;
import dev.ff.core.eval.EvaluationResult;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Builds exposure and metric events (docs/evaluation.md §8). */
public final class EventFactory {
  private final Clock clock;

  /**
   * A factory.
   *
   * @param clock the clock of the timestamps
   */
  public EventFactory(Clock clock) {
    this.clock = clock;
  }

  /**
   * An exposure event.
   *
   * @param snapshot the config the result came from
   * @param result the result (not an error)
   * @param context the evaluated context
   * @param unit the unit key
   * @param at when the evaluation happened
   * @return the event
   */
  public ObjectNode exposure(
      Snapshot snapshot, EvaluationResult result, JsonNode context, String unit, Instant at) {
    ObjectNode e = base("exposure", snapshot, unit, at);
    e.put("flag", result.flag());
    e.put("variation", result.variation());
    e.put("experiment", result.experiment());
    Integer bucket = bucketOf(snapshot, result, context);
    if (bucket == null) {
      e.putNull("bucket");
    } else {
      e.put("bucket", bucket.intValue());
    }
    e.set("meta", Json.MAPPER.createObjectNode());
    return e;
  }

  /**
   * A metric event.
   *
   * @param snapshot the config in use (salt, env)
   * @param metric the metric key
   * @param value the value
   * @param unit the unit key
   * @param at when the metric was tracked
   * @return the event
   */
  public ObjectNode metric(
      Snapshot snapshot, String metric, double value, String unit, Instant at) {
    ObjectNode e = base("metric", snapshot, unit, at);
    e.put("metric", metric);
    e.put("value", value);
    e.set("meta", Json.MAPPER.createObjectNode());
    return e;
  }

  /**
   * The current time of the factory's clock, to stamp an event when it happens (it is built later).
   *
   * @return now
   */
  public Instant now() {
    return clock.instant();
  }

  private ObjectNode base(String type, Snapshot snapshot, String unit, Instant at) {
    ObjectNode e = Json.MAPPER.createObjectNode();
    e.put("type", type);
    e.put("eventId", UUID.randomUUID().toString());
    e.put("timestamp", at.toString());
    e.put("env", snapshot.config().env());
    e.put("unitHash", UnitHash.of(snapshot.config().salt(), unit));
    return e;
  }

  /**
   * The bucket that decided a split result: the deciding rule's rollout, its seed (default: the
   * flag key) and {@code bucketBy} attribute (default: {@code key}).
   */
  static Integer bucketOf(Snapshot snapshot, EvaluationResult result, JsonNode context) {
    if (result.ruleId() == null) {
      return null;
    }
    JsonNode flag = snapshot.flag(result.flag());
    JsonNode rules = flag == null ? null : flag.get("rules");
    if (rules == null) {
      return null;
    }
    for (JsonNode rule : rules) {
      if (!result.ruleId().equals(rule.path("id").asText(null))) {
        continue;
      }
      JsonNode rollout = rule.path("then").get("rollout");
      if (rollout == null) {
        return null;
      }
      String seed = rollout.path("seed").asText(result.flag());
      String bucketBy = rollout.path("bucketBy").asText("key");
      JsonNode attr = context;
      for (String part : bucketBy.split("\\.", -1)) {
        attr = attr == null || !attr.isObject() ? null : attr.get(part);
      }
      int b = Bucketing.bucketOf(Bucketing.prefix(snapshot.config().salt(), seed), attr);
      return b == Bucketing.NO_UNIT ? null : b;
    }
    return null;
  }
}
