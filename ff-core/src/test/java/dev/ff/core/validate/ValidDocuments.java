package dev.ff.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random documents that the contract allows: every flag type, prerequisites on earlier flags,
 * segments that reference earlier segments, nested conditions with valid operands, rollouts whose
 * weights sum to 10000, unique experiments and non-overlapping exclusion ranges.
 */
final class ValidDocuments {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[] KEYS = {"f", "a.b", "x-y_z", "0day", "checkout", "n9", "beta.2"};
  private static final String[] VARIATION_KEYS = {"on", "off", "a", "b", "c", "v-1", "v.2"};

  private final Random random;
  private final List<String> segmentKeys = new ArrayList<>();
  private final Map<String, Integer> groupCursor = new HashMap<>();
  private int experiments;

  private ValidDocuments(Random random) {
    this.random = random;
  }

  static ObjectNode generate(long seed) {
    return new ValidDocuments(new Random(seed)).document();
  }

  private ObjectNode document() {
    ObjectNode doc = F.objectNode();
    doc.put("env", pick(KEYS));
    doc.put("project", pick(KEYS));
    doc.put("version", 1 + random.nextInt(1_000_000));
    if (random.nextBoolean()) {
      doc.put("publishedAt", "2026-11-24T10:00:00." + random.nextInt(1000) + "Z");
    }
    doc.put("salt", Long.toHexString(random.nextLong() | 1));
    ObjectNode segments = doc.putObject("segments");
    int segmentCount = random.nextInt(4);
    for (int i = 0; i < segmentCount; i++) {
      String key = "s" + i;
      ObjectNode s = segments.putObject(key);
      s.put("key", key);
      if (random.nextBoolean()) {
        s.set("included", units());
      }
      if (random.nextBoolean()) {
        s.set("excluded", units());
      }
      if (random.nextBoolean()) {
        s.set("if", condition(3));
      }
      segmentKeys.add(key); // only later segments may reference this one: no cycles
    }
    ObjectNode flags = doc.putObject("flags");
    Map<String, List<String>> flagVariations = new HashMap<>();
    int flagCount = 1 + random.nextInt(4);
    for (int i = 0; i < flagCount; i++) {
      String key = KEYS[i] + (random.nextBoolean() ? "" : "-" + i);
      ObjectNode flag = flag(key, flagVariations);
      flags.set(key, flag);
    }
    return doc;
  }

  private ObjectNode flag(String key, Map<String, List<String>> earlier) {
    ObjectNode flag = F.objectNode();
    flag.put("key", key);
    String type = pick(new String[] {"boolean", "multivariate", "json"});
    flag.put("type", type);
    flag.put("enabled", random.nextBoolean());
    List<String> keys = new ArrayList<>(List.of(VARIATION_KEYS));
    java.util.Collections.shuffle(keys, random);
    int n =
        switch (type) {
          case "boolean" -> 2;
          case "multivariate" -> 2 + random.nextInt(4);
          default -> 1 + random.nextInt(3);
        };
    keys = keys.subList(0, n);
    ArrayNode variations = flag.putArray("variations");
    boolean numbers = random.nextBoolean();
    boolean firstTrue = random.nextBoolean();
    for (int i = 0; i < n; i++) {
      ObjectNode v = variations.addObject().put("key", keys.get(i));
      switch (type) {
        case "boolean" -> v.put("value", i == 0 == firstTrue);
        case "multivariate" -> {
          if (numbers) {
            v.put("value", i * 1.5);
          } else {
            v.put("value", "value " + i);
          }
        }
        default ->
            v.set(
                "value",
                pick(
                    new JsonNode[] {
                      F.nullNode(),
                      F.objectNode().put("x", 1),
                      F.arrayNode().add("a"),
                      F.textNode("t")
                    }));
      }
    }
    flag.put("offVariation", keys.get(random.nextInt(n)));
    flag.put("defaultVariation", keys.get(random.nextInt(n)));
    if (!earlier.isEmpty() && random.nextBoolean()) {
      ArrayNode prerequisites = flag.putArray("prerequisites");
      for (Map.Entry<String, List<String>> e : earlier.entrySet()) {
        if (random.nextBoolean()) {
          prerequisites
              .addObject()
              .put("flag", e.getKey())
              .put("variation", e.getValue().get(random.nextInt(e.getValue().size())));
        }
      }
    }
    if (random.nextBoolean()) {
      flag.put("description", "generated");
    }
    ArrayNode rules = flag.putArray("rules");
    int ruleCount = random.nextInt(4);
    for (int i = 0; i < ruleCount; i++) {
      ObjectNode rule = rules.addObject();
      rule.put("id", "r" + i);
      rule.set("if", condition(3));
      rule.set("then", outcome(keys));
    }
    earlier.put(key, keys);
    return flag;
  }

  private ObjectNode outcome(List<String> keys) {
    ObjectNode then = F.objectNode();
    if (random.nextBoolean()) {
      then.put("variation", keys.get(random.nextInt(keys.size())));
      return then;
    }
    ObjectNode rollout = then.putObject("rollout");
    ArrayNode variations = rollout.putArray("variations");
    int count = 1 + random.nextInt(keys.size());
    int left = 10000;
    for (int i = 0; i < count; i++) {
      int w = i == count - 1 ? left : random.nextInt(left + 1);
      left -= w;
      variations.addObject().put("variation", keys.get(i)).put("weight", w);
    }
    if (random.nextBoolean()) {
      rollout.put("bucketBy", pick(new String[] {"key", "device.id", "org"}));
    }
    if (random.nextBoolean()) {
      rollout.put("seed", pick(KEYS));
    }
    if (random.nextBoolean()) {
      rollout.put("coverage", random.nextInt(10001));
    }
    if (random.nextBoolean()) {
      rollout.put("experiment", "exp-" + experiments++);
    }
    String group = pick(new String[] {"layer", "g.2"});
    int start = groupCursor.getOrDefault(group, 0);
    if (random.nextBoolean() && start < 10000) {
      int end = start + 1 + random.nextInt(10000 - start);
      groupCursor.put(group, end + random.nextInt(2));
      rollout.putObject("exclusionGroup").put("key", group).put("start", start).put("end", end);
    }
    return then;
  }

  private JsonNode condition(int depth) {
    int choice = random.nextInt(depth > 0 ? 5 : 2);
    return switch (choice) {
      case 0, 1 ->
          segmentKeys.isEmpty() || choice == 0
              ? leaf()
              : F.objectNode().put("segment", segmentKeys.get(random.nextInt(segmentKeys.size())));
      case 2 -> F.objectNode().set("not", condition(depth - 1));
      default -> {
        ObjectNode c = F.objectNode();
        ArrayNode list = c.putArray(choice == 3 ? "all" : "any");
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
          list.add(condition(depth - 1));
        }
        yield c;
      }
    };
  }

  private ObjectNode leaf() {
    ObjectNode leaf = F.objectNode();
    leaf.put("attr", pick(new String[] {"key", "country", "device.os", "a.b.c", "Plan Name"}));
    String[][] ops = {
      {"eq", "\"x\""},
      {"neq", "1"},
      {"eq", "true"},
      {"contains", "\"a\""},
      {"starts_with", "\"\""},
      {"ends_with", "\"z\""},
      {"regex", "\"^a+(b|c)?$\""},
      {"lt", "5"},
      {"lte", "-1.5"},
      {"gt", "0"},
      {"gte", "1e3"},
      {"semver_eq", "\"1.2.3\""},
      {"semver_lt", "\"v2.3\""},
      {"semver_lte", "\"2.3-beta\""},
      {"semver_gt", "\"1\""},
      {"semver_gte", "\"1.0.0-rc.1+b5\""},
      {"before", "\"2026-01-01T00:00:00Z\""},
      {"after", "1700000000000"},
      {"exists", null},
      {"in", "[\"NL\", 1, true]"},
      {"not_in", "[]"}
    };
    String[] op = ops[random.nextInt(ops.length)];
    leaf.put("op", op[0]);
    if (op[1] != null) {
      leaf.set(op[0].endsWith("in") ? "values" : "value", Docs.json(op[1]));
    }
    return leaf;
  }

  private ArrayNode units() {
    ArrayNode a = F.arrayNode();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      a.add("user-" + random.nextInt(5));
    }
    return a;
  }

  private <T> T pick(T[] options) {
    return options[random.nextInt(options.length)];
  }
}
