package dev.ff.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ff.core.model.Condition;
import dev.ff.core.model.ConfigDocument;
import dev.ff.core.model.ExclusionGroupRange;
import dev.ff.core.model.Flag;
import dev.ff.core.model.FlagType;
import dev.ff.core.model.Operator;
import dev.ff.core.model.Outcome;
import dev.ff.core.model.Prerequisite;
import dev.ff.core.model.Rollout;
import dev.ff.core.model.Rule;
import dev.ff.core.model.Segment;
import dev.ff.core.model.Variation;
import dev.ff.core.model.WeightedVariation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a JSON tree into model records.
 *
 * <p>The input is expected to have passed validation; the reader checks only what it needs to build
 * the records. Unknown members are ignored; optional members that are absent or JSON {@code null}
 * take their defaults (rollout {@code bucketBy} {@code "key"}, {@code seed} the flag key, {@code
 * coverage} 10000). Anything else it cannot read, including conditions nested deeper than {@link
 * #MAX_CONDITION_DEPTH}, raises {@link IllegalArgumentException} naming the JSON Pointer of the
 * offending value.
 */
public final class ModelReader {
  /** The deepest condition nesting the reader accepts. */
  public static final int MAX_CONDITION_DEPTH = 1000;

  private ModelReader() {}

  /**
   * Reads a config document.
   *
   * @param doc the document
   * @return the document record
   * @throws IllegalArgumentException when the tree is not a readable document
   */
  public static ConfigDocument readDocument(JsonNode doc) {
    requireObject(doc, "");
    String env = text(doc, "env", "");
    String project = text(doc, "project", "");
    JsonNode v = member(doc, "version", "");
    if (!isIntegral(v) || !v.canConvertToLong()) {
      throw bad("/version", "must be an integer");
    }
    long version = v.asLong();
    String publishedAt = optText(doc, "publishedAt", "");
    String salt = text(doc, "salt", "");
    JsonNode flagsNode = member(doc, "flags", "");
    requireObject(flagsNode, "/flags");
    Map<String, Flag> flags = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : flagsNode.properties()) {
      String path = "/flags/" + escape(e.getKey());
      Flag f = readFlag(e.getValue(), path);
      if (!f.key().equals(e.getKey())) {
        throw bad(path + "/key", "must equal the member name");
      }
      flags.put(e.getKey(), f);
    }
    JsonNode segmentsNode = member(doc, "segments", "");
    requireObject(segmentsNode, "/segments");
    Map<String, Segment> segments = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : segmentsNode.properties()) {
      String path = "/segments/" + escape(e.getKey());
      Segment s = readSegment(e.getValue(), path);
      if (!s.key().equals(e.getKey())) {
        throw bad(path + "/key", "must equal the member name");
      }
      segments.put(e.getKey(), s);
    }
    return new ConfigDocument(env, project, version, publishedAt, salt, flags, segments);
  }

  /**
   * Reads one flag.
   *
   * @param flag the flag object
   * @return the flag record
   * @throws IllegalArgumentException when the tree is not a readable flag
   */
  public static Flag readFlag(JsonNode flag) {
    return readFlag(flag, "");
  }

  /**
   * Reads one segment.
   *
   * @param segment the segment object
   * @return the segment record
   * @throws IllegalArgumentException when the tree is not a readable segment
   */
  public static Segment readSegment(JsonNode segment) {
    return readSegment(segment, "");
  }

  /**
   * Reads one condition.
   *
   * @param condition the condition
   * @return the condition record
   * @throws IllegalArgumentException when the tree is not a readable condition
   */
  public static Condition readCondition(JsonNode condition) {
    return readCondition(condition, "", 0);
  }

  private static Flag readFlag(JsonNode f, String path) {
    requireObject(f, path);
    String key = text(f, "key", path);
    String typeName = text(f, "type", path);
    FlagType type = FlagType.fromWire(typeName);
    if (type == null) {
      throw bad(path + "/type", "unknown flag type");
    }
    JsonNode enabledNode = member(f, "enabled", path);
    if (!enabledNode.isBoolean()) {
      throw bad(path + "/enabled", "must be a boolean");
    }
    JsonNode vars = array(f, "variations", path);
    List<Variation> variations = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      JsonNode v = vars.get(i);
      String vp = path + "/variations/" + i;
      requireObject(v, vp);
      variations.add(new Variation(text(v, "key", vp), member(v, "value", vp).deepCopy()));
    }
    String off = text(f, "offVariation", path);
    String def = text(f, "defaultVariation", path);
    List<Prerequisite> prerequisites = new ArrayList<>();
    JsonNode pre = f.get("prerequisites");
    if (pre != null && !pre.isNull()) {
      if (!pre.isArray()) {
        throw bad(path + "/prerequisites", "must be an array");
      }
      for (int i = 0; i < pre.size(); i++) {
        String pp = path + "/prerequisites/" + i;
        JsonNode p = pre.get(i);
        requireObject(p, pp);
        prerequisites.add(new Prerequisite(text(p, "flag", pp), text(p, "variation", pp)));
      }
    }
    JsonNode rulesNode = array(f, "rules", path);
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < rulesNode.size(); i++) {
      String rp = path + "/rules/" + i;
      JsonNode r = rulesNode.get(i);
      requireObject(r, rp);
      Condition c = readCondition(member(r, "if", rp), rp + "/if", 0);
      Outcome o = readOutcome(member(r, "then", rp), rp + "/then", key);
      rules.add(new Rule(text(r, "id", rp), optText(r, "description", rp), c, o));
    }
    return new Flag(
        key,
        type,
        enabledNode.booleanValue(),
        variations,
        off,
        def,
        prerequisites,
        rules,
        optText(f, "description", path));
  }

  private static Segment readSegment(JsonNode s, String path) {
    requireObject(s, path);
    String key = text(s, "key", path);
    List<String> included = strings(s, "included", path);
    List<String> excluded = strings(s, "excluded", path);
    JsonNode cond = s.get("if");
    Condition c = cond == null || cond.isNull() ? null : readCondition(cond, path + "/if", 0);
    return new Segment(key, included, excluded, c);
  }

  private static List<String> strings(JsonNode parent, String name, String path) {
    JsonNode a = parent.get(name);
    List<String> out = new ArrayList<>();
    if (a == null || a.isNull()) {
      return out;
    }
    if (!a.isArray()) {
      throw bad(path + "/" + name, "must be an array");
    }
    for (int i = 0; i < a.size(); i++) {
      JsonNode e = a.get(i);
      if (!e.isTextual()) {
        throw bad(path + "/" + name + "/" + i, "must be a string");
      }
      out.add(e.textValue());
    }
    return out;
  }

  private static Condition readCondition(JsonNode c, String path, int depth) {
    if (depth >= MAX_CONDITION_DEPTH) {
      throw bad(path, "conditions nest too deeply");
    }
    requireObject(c, path);
    int kinds = 0;
    kinds += c.has("all") ? 1 : 0;
    kinds += c.has("any") ? 1 : 0;
    kinds += c.has("not") ? 1 : 0;
    kinds += c.has("segment") ? 1 : 0;
    kinds += c.has("attr") || c.has("op") ? 1 : 0;
    if (kinds != 1) {
      throw bad(path, "must be exactly one of leaf, all, any, not, segment");
    }
    if (c.has("all") || c.has("any")) {
      String name = c.has("all") ? "all" : "any";
      JsonNode a = array(c, name, path);
      List<Condition> children = new ArrayList<>(a.size());
      for (int i = 0; i < a.size(); i++) {
        children.add(readCondition(a.get(i), path + "/" + name + "/" + i, depth + 1));
      }
      return name.equals("all") ? new Condition.All(children) : new Condition.Any(children);
    }
    if (c.has("not")) {
      return new Condition.Not(readCondition(c.get("not"), path + "/not", depth + 1));
    }
    if (c.has("segment")) {
      return new Condition.SegmentRef(text(c, "segment", path));
    }
    String attr = text(c, "attr", path);
    Operator op = Operator.fromWire(text(c, "op", path));
    if (op == null) {
      throw bad(path + "/op", "unknown operator");
    }
    return switch (op.operand()) {
      case NONE -> new Condition.Leaf(attr, op, null, List.of());
      case VALUE -> new Condition.Leaf(attr, op, member(c, "value", path).deepCopy(), List.of());
      case VALUES -> {
        JsonNode a = array(c, "values", path);
        List<JsonNode> values = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
          values.add(a.get(i).deepCopy());
        }
        yield new Condition.Leaf(attr, op, null, values);
      }
    };
  }

  private static Outcome readOutcome(JsonNode o, String path, String flagKey) {
    requireObject(o, path);
    boolean serve = o.has("variation");
    boolean rollout = o.has("rollout");
    if (serve == rollout) {
      throw bad(path, "must hold exactly one of variation, rollout");
    }
    if (serve) {
      return new Outcome.Serve(text(o, "variation", path));
    }
    String rp = path + "/rollout";
    JsonNode r = o.get("rollout");
    requireObject(r, rp);
    JsonNode vars = array(r, "variations", rp);
    List<WeightedVariation> weighted = new ArrayList<>(vars.size());
    for (int i = 0; i < vars.size(); i++) {
      String vp = rp + "/variations/" + i;
      JsonNode v = vars.get(i);
      requireObject(v, vp);
      weighted.add(new WeightedVariation(text(v, "variation", vp), integer(v, "weight", vp)));
    }
    String bucketBy = optText(r, "bucketBy", rp);
    String seed = optText(r, "seed", rp);
    JsonNode cov = r.get("coverage");
    int coverage = cov == null || cov.isNull() ? Rollout.FULL_COVERAGE : integer(r, "coverage", rp);
    String experiment = optText(r, "experiment", rp);
    ExclusionGroupRange group = null;
    JsonNode g = r.get("exclusionGroup");
    if (g != null && !g.isNull()) {
      String gp = rp + "/exclusionGroup";
      requireObject(g, gp);
      group =
          new ExclusionGroupRange(
              text(g, "key", gp), integer(g, "start", gp), integer(g, "end", gp));
    }
    return new Rollout(
        weighted,
        bucketBy == null ? Rollout.DEFAULT_BUCKET_BY : bucketBy,
        seed == null ? flagKey : seed,
        coverage,
        experiment,
        group);
  }

  private static boolean isIntegral(JsonNode n) {
    return n.isNumber() && (n.isIntegralNumber() || n.canConvertToExactIntegral());
  }

  private static int integer(JsonNode parent, String name, String path) {
    JsonNode n = member(parent, name, path);
    if (!isIntegral(n) || !n.canConvertToInt()) {
      throw bad(path + "/" + name, "must be an integer");
    }
    return n.asInt();
  }

  private static JsonNode member(JsonNode parent, String name, String path) {
    JsonNode n = parent.get(name);
    if (n == null) {
      throw bad(path + "/" + name, "is required");
    }
    return n;
  }

  private static String text(JsonNode parent, String name, String path) {
    JsonNode n = member(parent, name, path);
    if (!n.isTextual()) {
      throw bad(path + "/" + name, "must be a string");
    }
    return n.textValue();
  }

  private static String optText(JsonNode parent, String name, String path) {
    JsonNode n = parent.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw bad(path + "/" + name, "must be a string");
    }
    return n.textValue();
  }

  private static JsonNode array(JsonNode parent, String name, String path) {
    JsonNode n = member(parent, name, path);
    if (!n.isArray()) {
      throw bad(path + "/" + name, "must be an array");
    }
    return n;
  }

  private static void requireObject(JsonNode n, String path) {
    if (n == null || !n.isObject()) {
      throw bad(path, "must be an object");
    }
  }

  private static IllegalArgumentException bad(String path, String message) {
    return new IllegalArgumentException((path.isEmpty() ? "document" : path) + ": " + message);
  }

  /** Escapes a member name as an RFC 6901 reference token. */
  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
