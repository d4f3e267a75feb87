package dev.ff.core.validate;

import static dev.ff.core.validate.Json.KEY_PATTERN;
import static dev.ff.core.validate.Json.quote;
import static dev.ff.core.validate.Json.typeOf;
import static dev.ff.core.validate.Pointers.element;
import static dev.ff.core.validate.Pointers.member;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.ff.core.value.SemVer;
import dev.ff.core.value.Timestamps;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One validation run: walks the JSON tree in document order and collects diagnostics. Not thread
 * safe; {@link ConfigValidator} makes a fresh one per call.
 */
final class Validation {
  /** Conditions may nest this many levels (the rule's {@code if} is level 1). */
  static final int MAX_CONDITION_DEPTH = 64;

  /** The largest {@code version}: the largest integer every JSON reader holds exactly. */
  static final long MAX_VERSION = (1L << 53) - 1;

  static final List<String> OPERATORS =
      List.of(
          "eq",
          "neq",
          "in",
          "not_in",
          "contains",
          "starts_with",
          "ends_with",
          "regex",
          "lt",
          "lte",
          "gt",
          "gte",
          "semver_eq",
          "semver_lt",
          "semver_lte",
          "semver_gt",
          "semver_gte",
          "before",
          "after",
          "exists");

  private static final String OPERATOR_LIST = String.join(", ", OPERATORS);
  private static final String SIGNATURE_ALG = "HMAC-SHA256";

  private static final Set<String> DOCUMENT_REQUIRED =
      orderedSet("env", "project", "version", "salt", "flags", "segments");
  private static final Set<String> FLAG_REQUIRED =
      orderedSet(
          "key", "type", "enabled", "variations", "offVariation", "defaultVariation", "rules");

  /** The shapes a condition object can take. */
  enum Shape {
    LEAF,
    ALL,
    ANY,
    NOT,
    SEGMENT,
    NONE,
    MIXED
  }

  private enum FlagType {
    BOOLEAN,
    MULTIVARIATE,
    JSON
  }

  private record Range(long start, long end, String pointer) {}

  private final List<Diagnostic> diagnostics = new ArrayList<>();

  /** Document mode: flag member name → its variation keys (null when not known). Null otherwise. */
  private final Map<String, Set<String>> flagVariations;

  /** Segment member names; null when references cannot be checked (flag mode, no segments). */
  private final Set<String> segments;

  /** Pointers of references that lie on a prerequisite or segment cycle. */
  private final Set<String> cyclePointers;

  private final Map<String, String> experiments = new HashMap<>();
  private final Map<String, List<Range>> exclusionRanges = new HashMap<>();

  private Validation(
      Map<String, Set<String>> flagVariations, Set<String> segments, Set<String> cyclePointers) {
    this.flagVariations = flagVariations;
    this.segments = segments;
    this.cyclePointers = cyclePointers;
  }

  // ---------------------------------------------------------------------------------------------
  // Entry points

  static List<Diagnostic> document(JsonNode doc) {
    if (doc == null || !doc.isObject()) {
      return List.of(new Diagnostic("", "a config document must be a JSON object"));
    }
    Map<String, Set<String>> flags = new LinkedHashMap<>();
    Set<String> segments = new LinkedHashSet<>();
    List<Cycles.Edge> edges = new ArrayList<>();
    index(doc, flags, segments, edges);
    // Without a segments object there is nothing to resolve segment references against; the
    // missing or malformed member is reported, the references are not.
    boolean segmentsKnown = doc.get("segments") != null && doc.get("segments").isObject();
    Validation v =
        new Validation(flags, segmentsKnown ? segments : null, Cycles.pointersOnCycles(edges));
    v.checkDocument(doc);
    return v.diagnostics;
  }

  static List<Diagnostic> flag(JsonNode flag) {
    Validation v = new Validation(null, null, Set.of());
    v.checkFlag(null, flag, "");
    return v.diagnostics;
  }

  // ---------------------------------------------------------------------------------------------
  // First pass: what the document defines and which references it holds

  private static void index(
      JsonNode doc, Map<String, Set<String>> flags, Set<String> segments, List<Cycles.Edge> edges) {
    JsonNode flagsNode = doc.get("flags");
    if (flagsNode != null && flagsNode.isObject()) {
      for (Map.Entry<String, JsonNode> e : Json.members(flagsNode)) {
        flags.put(e.getKey(), variationKeys(e.getValue()));
      }
      for (Map.Entry<String, JsonNode> e : Json.members(flagsNode)) {
        JsonNode prerequisites = e.getValue().get("prerequisites");
        if (prerequisites == null || !prerequisites.isArray()) {
          continue;
        }
        String base = member(member("/flags", e.getKey()), "prerequisites");
        for (int i = 0; i < prerequisites.size(); i++) {
          JsonNode target = prerequisites.get(i).get("flag");
          if (target != null && target.isTextual() && flags.containsKey(target.textValue())) {
            edges.add(
                new Cycles.Edge(
                    "flag:" + e.getKey(),
                    "flag:" + target.textValue(),
                    member(element(base, i), "flag")));
          }
        }
      }
    }
    JsonNode segmentsNode = doc.get("segments");
    if (segmentsNode != null && segmentsNode.isObject()) {
      for (Map.Entry<String, JsonNode> e : Json.members(segmentsNode)) {
        segments.add(e.getKey());
      }
      for (Map.Entry<String, JsonNode> e : Json.members(segmentsNode)) {
        String base = member("/segments", e.getKey());
        List<String[]> refs = new ArrayList<>();
        segmentReferences(e.getValue().get("if"), member(base, "if"), 1, refs);
        for (String[] ref : refs) {
          if (segments.contains(ref[0])) {
            edges.add(new Cycles.Edge("segment:" + e.getKey(), "segment:" + ref[0], ref[1]));
          }
        }
      }
    }
  }

  /** The string keys of a flag's variations, or null when its variations are not an array. */
  private static Set<String> variationKeys(JsonNode flag) {
    JsonNode variations = flag.get("variations");
    if (variations == null || !variations.isArray()) {
      return null;
    }
    Set<String> keys = new LinkedHashSet<>();
    for (JsonNode v : variations) {
      JsonNode key = v.get("key");
      if (key != null && key.isTextual()) {
        keys.add(key.textValue());
      }
    }
    return keys;
  }

  /** Collects {segment key, pointer} of every segment reference in well-formed conditions. */
  private static void segmentReferences(
      JsonNode condition, String pointer, int depth, List<String[]> refs) {
    if (condition == null || !condition.isObject() || depth > MAX_CONDITION_DEPTH) {
      return;
    }
    switch (shapeOf(condition)) {
      case SEGMENT -> {
        JsonNode target = condition.get("segment");
        if (target.isTextual()) {
          refs.add(new String[] {target.textValue(), member(pointer, "segment")});
        }
      }
      case ALL, ANY -> {
        String name = condition.has("all") ? "all" : "any";
        JsonNode list = condition.get(name);
        if (list.isArray()) {
          for (int i = 0; i < list.size(); i++) {
            segmentReferences(list.get(i), element(member(pointer, name), i), depth + 1, refs);
          }
        }
      }
      case NOT -> segmentReferences(condition.get("not"), member(pointer, "not"), depth + 1, refs);
      default -> {}
    }
  }

  static Shape shapeOf(JsonNode condition) {
    int kinds = 0;
    Shape shape = Shape.NONE;
    if (condition.has("attr") || condition.has("op")) {
      kinds++;
      shape = Shape.LEAF;
    }
    if (condition.has("all")) {
      kinds++;
      shape = Shape.ALL;
    }
    if (condition.has("any")) {
      kinds++;
      shape = Shape.ANY;
    }
    if (condition.has("not")) {
      kinds++;
      shape = Shape.NOT;
    }
    if (condition.has("segment")) {
      kinds++;
      shape = Shape.SEGMENT;
    }
    return kinds > 1 ? Shape.MIXED : shape;
  }

  // ---------------------------------------------------------------------------------------------
  // Document

  private void checkDocument(JsonNode doc) {
    for (Map.Entry<String, JsonNode> e : Json.members(doc)) {
      String p = member("", e.getKey());
      JsonNode value = e.getValue();
      switch (e.getKey()) {
        case "env", "project" -> checkKey(p, value, e.getKey());
        case "version" -> {
          if (!Json.isIntegerIn(value, 1, MAX_VERSION)) {
            report(
                p, "version must be an integer from 1 to " + MAX_VERSION + ", got " + show(value));
          }
        }
        case "salt" -> {
          if (!value.isTextual() || !isHex(value.textValue())) {
            report(p, "salt must be a non-empty hex string, got " + show(value));
          }
        }
        case "publishedAt" -> {
          if (!value.isTextual()
              || Timestamps.parseRfc3339Millis(value.textValue()) == Timestamps.INVALID) {
            report(p, "publishedAt must be an RFC 3339 date-time, got " + show(value));
          }
        }
        case "flags" -> {
          if (!value.isObject()) {
            report(p, "flags must be an object from flag key to flag, got " + typeOf(value));
          } else {
            for (Map.Entry<String, JsonNode> f : Json.members(value)) {
              checkFlag(f.getKey(), f.getValue(), member(p, f.getKey()));
            }
          }
        }
        case "segments" -> {
          if (!value.isObject()) {
            report(
                p, "segments must be an object from segment key to segment, got " + typeOf(value));
          } else {
            for (Map.Entry<String, JsonNode> s : Json.members(value)) {
              checkSegment(s.getKey(), s.getValue(), member(p, s.getKey()));
            }
          }
        }
        case "signature" -> checkSignature(p, value);
        default -> unknownMember(p, "document");
      }
    }
    missing("", doc, DOCUMENT_REQUIRED);
  }

  private void checkSignature(String p, JsonNode signature) {
    if (!signature.isObject()) {
      report(p, "signature must be an object {alg, kid, value}, got " + typeOf(signature));
      return;
    }
    for (Map.Entry<String, JsonNode> e : Json.members(signature)) {
      String mp = member(p, e.getKey());
      JsonNode value = e.getValue();
      switch (e.getKey()) {
        case "alg" -> {
          if (!value.isTextual() || !SIGNATURE_ALG.equals(value.textValue())) {
            report(mp, "signature algorithm must be " + SIGNATURE_ALG + ", got " + show(value));
          }
        }
        case "kid" -> {
          if (!value.isTextual() || value.textValue().isEmpty()) {
            report(mp, "key id must be a non-empty string, got " + show(value));
          }
        }
        case "value" -> {
          if (!value.isTextual() || !isBase64(value.textValue())) {
            report(mp, "signature value must be non-empty standard base64, got " + show(value));
          }
        }
        default -> unknownMember(mp, "signature");
      }
    }
    missing(p, signature, orderedSet("alg", "kid", "value"));
  }

  // ---------------------------------------------------------------------------------------------
  // Flags

  /**
   * Checks one flag.
   *
   * @param name its member name in the document's {@code flags}, or null for a flag on its own
   */
  private void checkFlag(String name, JsonNode flag, String p) {
    if (name != null && !Json.isKey(name)) {
      report(p, "flag key " + quote(name) + " does not match " + KEY_PATTERN);
    }
    if (flag == null || !flag.isObject()) {
      report(p, "a flag must be a JSON object, got " + typeOf(flag));
      return;
    }
    FlagType type = flagType(flag.get("type"));
    Set<String> variations = variationKeys(flag);
    JsonNode keyNode = flag.get("key");
    String ownKey = Json.isKey(keyNode) ? keyNode.textValue() : name;
    for (Map.Entry<String, JsonNode> e : Json.members(flag)) {
      String mp = member(p, e.getKey());
      JsonNode value = e.getValue();
      switch (e.getKey()) {
        case "key" -> {
          if (checkKey(mp, value, "flag key") && name != null && !value.textValue().equals(name)) {
            report(
                mp,
                "key " + quote(value.textValue()) + " differs from its member name " + quote(name));
          }
        }
        case "type" -> {
          if (type == null) {
            report(mp, "type must be one of boolean, multivariate, json, got " + show(value));
          }
        }
        case "enabled" -> {
          if (!value.isBoolean()) {
            report(mp, "enabled must be a boolean, got " + typeOf(value));
          }
        }
        case "variations" -> checkVariations(mp, value, type);
        case "offVariation", "defaultVariation" -> checkVariationRef(mp, value, variations);
        case "prerequisites" -> checkPrerequisites(mp, value, ownKey);
        case "rules" -> checkRules(mp, value, variations);
        case "description" -> {
          if (!value.isTextual()) {
            report(mp, "description must be a string, got " + typeOf(value));
          }
        }
        default -> unknownMember(mp, "flag");
      }
    }
    missing(p, flag, FLAG_REQUIRED);
  }

  private static FlagType flagType(JsonNode type) {
    if (type == null || !type.isTextual()) {
      return null;
    }
    return switch (type.textValue()) {
      case "boolean" -> FlagType.BOOLEAN;
      case "multivariate" -> FlagType.MULTIVARIATE;
      case "json" -> FlagType.JSON;
      default -> null;
    };
  }

  private void checkVariations(String p, JsonNode variations, FlagType type) {
    if (!variations.isArray()) {
      report(p, "variations must be an array, got " + typeOf(variations));
      return;
    }
    Set<String> seen = new HashSet<>();
    int trues = 0;
    int falses = 0;
    JsonNode reference = null; // the first string-or-number value of a multivariate flag
    for (int i = 0; i < variations.size(); i++) {
      String vp = element(p, i);
      JsonNode variation = variations.get(i);
      if (!variation.isObject()) {
        report(vp, "a variation must be an object {key, value}, got " + typeOf(variation));
        continue;
      }
      for (Map.Entry<String, JsonNode> e : Json.members(variation)) {
        String mp = member(vp, e.getKey());
        JsonNode value = e.getValue();
        switch (e.getKey()) {
          case "key" -> {
            if (checkKey(mp, value, "variation key") && !seen.add(value.textValue())) {
              report(mp, "duplicate variation key " + quote(value.textValue()));
            }
          }
          case "value" -> {
            if (type == FlagType.BOOLEAN) {
              if (!value.isBoolean()) {
                report(mp, "a boolean flag's values must be true or false, got " + show(value));
              } else if (value.booleanValue()) {
                trues++;
              } else {
                falses++;
              }
            } else if (type == FlagType.MULTIVARIATE) {
              if (!value.isTextual() && !value.isNumber()) {
                report(
                    mp,
                    "a multivariate flag's values must be strings or numbers, got "
                        + typeOf(value));
              } else if (reference == null) {
                reference = value;
              } else if (value.isTextual() != reference.isTextual()) {
                report(
                    mp,
                    "a multivariate flag's values must all be "
                        + (reference.isTextual() ? "strings" : "numbers")
                        + ", got "
                        + typeOf(value));
              }
            }
          }
          default -> unknownMember(mp, "variation");
        }
      }
      missing(vp, variation, orderedSet("key", "value"));
    }
    int n = variations.size();
    if (type == FlagType.BOOLEAN) {
      if (n != 2) {
        report(p, "a boolean flag needs exactly two variations, true and false; found " + n);
      } else if (trues != 1 || falses != 1) {
        report(p, "a boolean flag needs one variation true and one false");
      }
    } else if (type == FlagType.MULTIVARIATE && (n < 2 || n > 64)) {
      report(p, "a multivariate flag needs 2 to 64 variations; found " + n);
    } else if (type == FlagType.JSON && (n < 1 || n > 64)) {
      report(p, "a json flag needs 1 to 64 variations; found " + n);
    }
  }

  /** A reference to a variation of the same flag (known = null: cannot be checked). */
  private void checkVariationRef(String p, JsonNode ref, Set<String> known) {
    if (!ref.isTextual()) {
      report(p, "must be a string naming a variation, got " + typeOf(ref));
    } else if (known != null && !known.contains(ref.textValue())) {
      report(
          p,
          "unknown variation "
              + quote(ref.textValue())
              + "; the flag has "
              + (known.isEmpty() ? "none" : String.join(", ", known)));
    }
  }

  private void checkPrerequisites(String p, JsonNode prerequisites, String ownKey) {
    if (!prerequisites.isArray()) {
      report(p, "prerequisites must be an array, got " + typeOf(prerequisites));
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < prerequisites.size(); i++) {
      String pp = element(p, i);
      JsonNode prerequisite = prerequisites.get(i);
      if (!prerequisite.isObject()) {
        report(
            pp, "a prerequisite must be an object {flag, variation}, got " + typeOf(prerequisite));
        continue;
      }
      JsonNode flagNode = prerequisite.get("flag");
      String target = Json.isKey(flagNode) ? flagNode.textValue() : null;
      for (Map.Entry<String, JsonNode> e : Json.members(prerequisite)) {
        String mp = member(pp, e.getKey());
        JsonNode value = e.getValue();
        switch (e.getKey()) {
          case "flag" -> {
            if (!checkKey(mp, value, "prerequisite flag")) {
              break;
            }
            if (!seen.add(target)) {
              report(mp, "duplicate prerequisite flag " + quote(target));
            } else if (flagVariations != null && !flagVariations.containsKey(target)) {
              report(mp, "unknown flag " + quote(target));
            } else if (cyclePointers.contains(mp)
                || (flagVariations == null && target.equals(ownKey))) {
              report(mp, "prerequisite " + quote(target) + " lies on a prerequisite cycle");
            }
          }
          case "variation" -> {
            if (!checkKey(mp, value, "prerequisite variation")) {
              break;
            }
            Set<String> known =
                target == null || flagVariations == null ? null : flagVariations.get(target);
            if (known != null && !known.contains(value.textValue())) {
              report(mp, "flag " + quote(target) + " has no variation " + quote(value.textValue()));
            }
          }
          default -> unknownMember(mp, "prerequisite");
        }
      }
      missing(pp, prerequisite, orderedSet("flag", "variation"));
    }
  }

  private void checkRules(String p, JsonNode rules, Set<String> variations) {
    if (!rules.isArray()) {
      report(p, "rules must be an array, got " + typeOf(rules));
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      String rp = element(p, i);
      JsonNode rule = rules.get(i);
      if (!rule.isObject()) {
        report(rp, "a rule must be an object {id, if, then}, got " + typeOf(rule));
        continue;
      }
      for (Map.Entry<String, JsonNode> e : Json.members(rule)) {
        String mp = member(rp, e.getKey());
        JsonNode value = e.getValue();
        switch (e.getKey()) {
          case "id" -> {
            if (checkKey(mp, value, "rule id") && !seen.add(value.textValue())) {
              report(mp, "duplicate rule id " + quote(value.textValue()));
            }
          }
          case "description" -> {
            if (!value.isTextual()) {
              report(mp, "description must be a string, got " + typeOf(value));
            }
          }
          case "if" -> checkCondition(mp, value, 1);
          case "then" -> checkOutcome(mp, value, variations);
          default -> unknownMember(mp, "rule");
        }
      }
      missing(rp, rule, orderedSet("id", "if", "then"));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Outcomes and rollouts

  private void checkOutcome(String p, JsonNode outcome, Set<String> variations) {
    if (!outcome.isObject()) {
      report(p, "an outcome must be an object {variation} or {rollout}, got " + typeOf(outcome));
      return;
    }
    boolean fixed = outcome.has("variation");
    boolean rollout = outcome.has("rollout");
    if (fixed && rollout) {
      report(p, "an outcome has either variation or rollout, not both");
      return;
    }
    if (!fixed && !rollout) {
      report(p, "an outcome needs variation or rollout");
      return;
    }
    for (Map.Entry<String, JsonNode> e : Json.members(outcome)) {
      String mp = member(p, e.getKey());
      switch (e.getKey()) {
        case "variation" -> checkVariationRef(mp, e.getValue(), variations);
        case "rollout" -> checkRollout(mp, e.getValue(), variations);
        default -> unknownMember(mp, "outcome");
      }
    }
  }

  private void checkRollout(String p, JsonNode rollout, Set<String> variations) {
    if (!rollout.isObject()) {
      report(p, "a rollout must be an object, got " + typeOf(rollout));
      return;
    }
    for (Map.Entry<String, JsonNode> e : Json.members(rollout)) {
      String mp = member(p, e.getKey());
      JsonNode value = e.getValue();
      switch (e.getKey()) {
        case "variations" -> checkWeights(mp, value, variations);
        case "bucketBy" -> {
          if (!value.isTextual() || !Json.isAttributePath(value.textValue())) {
            report(
                mp,
                "bucketBy must be an attribute path (non-empty, no empty segment), got "
                    + show(value));
          }
        }
        case "seed" -> checkKey(mp, value, "seed");
        case "coverage" -> {
          if (!Json.isIntegerIn(value, 0, 10000)) {
            report(mp, "coverage must be an integer from 0 to 10000, got " + show(value));
          }
        }
        case "experiment" -> {
          if (checkKey(mp, value, "experiment key")) {
            String earlier = experiments.putIfAbsent(value.textValue(), mp);
            if (earlier != null) {
              report(
                  mp, "experiment " + quote(value.textValue()) + " is already run by " + earlier);
            }
          }
        }
        case "exclusionGroup" -> checkExclusionGroup(mp, value);
        default -> unknownMember(mp, "rollout");
      }
    }
    missing(p, rollout, orderedSet("variations"));
  }

  private void checkWeights(String p, JsonNode list, Set<String> variations) {
    if (!list.isArray()) {
      report(p, "rollout variations must be an array, got " + typeOf(list));
      return;
    }
    Set<String> seen = new HashSet<>();
    long sum = 0;
    boolean summable = true;
    for (int i = 0; i < list.size(); i++) {
      String wp = element(p, i);
      JsonNode item = list.get(i);
      if (!item.isObject()) {
        report(
            wp, "a weighted variation must be an object {variation, weight}, got " + typeOf(item));
        summable = false;
        continue;
      }
      for (Map.Entry<String, JsonNode> e : Json.members(item)) {
        String mp = member(wp, e.getKey());
        JsonNode value = e.getValue();
        switch (e.getKey()) {
          case "variation" -> {
            if (!value.isTextual()) {
              checkVariationRef(mp, value, variations);
            } else if (!seen.add(value.textValue())) {
              report(
                  mp, "variation " + quote(value.textValue()) + " appears twice in this rollout");
            } else {
              checkVariationRef(mp, value, variations);
            }
          }
          case "weight" -> {
            if (!Json.isInteger(value) || value.doubleValue() < 0) {
              report(
                  mp, "weight must be a non-negative integer (basis points), got " + show(value));
              summable = false;
            } else {
              // Any weight above 10000 already breaks the sum; clamp so the sum cannot overflow.
              sum += (long) Math.min(value.doubleValue(), 1e12);
            }
          }
          default -> unknownMember(mp, "weighted variation");
        }
      }
      if (!item.has("weight")) {
        summable = false;
      }
      missing(wp, item, orderedSet("variation", "weight"));
    }
    if (list.isEmpty()) {
      report(p, "a rollout needs at least one variation; weights must sum to 10000");
    } else if (summable && sum != 10000) {
      report(p, "weights sum to " + sum + ", expected 10000");
    }
  }

  private void checkExclusionGroup(String p, JsonNode group) {
    if (!group.isObject()) {
      report(p, "exclusionGroup must be an object {key, start, end}, got " + typeOf(group));
      return;
    }
    JsonNode start = group.get("start");
    boolean startOk = start != null && Json.isIntegerIn(start, 0, 10000);
    boolean endOk = false;
    for (Map.Entry<String, JsonNode> e : Json.members(group)) {
      String mp = member(p, e.getKey());
      JsonNode value = e.getValue();
      switch (e.getKey()) {
        case "key" -> checkKey(mp, value, "exclusion group key");
        case "start" -> {
          if (!startOk) {
            report(mp, "start must be an integer from 0 to 10000, got " + show(value));
          }
        }
        case "end" -> {
          if (!Json.isIntegerIn(value, 0, 10000)) {
            report(mp, "end must be an integer from 0 to 10000, got " + show(value));
          } else if (startOk && value.longValue() <= start.longValue()) {
            report(
                mp,
                "end " + value.longValue() + " must be greater than start " + start.longValue());
          } else {
            endOk = true;
          }
        }
        default -> unknownMember(mp, "exclusion group");
      }
    }
    missing(p, group, orderedSet("key", "start", "end"));
    JsonNode key = group.get("key");
    if (startOk && endOk && Json.isKey(key)) {
      long s = start.longValue();
      long en = group.get("end").longValue();
      List<Range> ranges = exclusionRanges.computeIfAbsent(key.textValue(), k -> new ArrayList<>());
      for (Range r : ranges) {
        if (s < r.end() && r.start() < en) {
          report(
              p,
              "range ["
                  + s
                  + ", "
                  + en
                  + ") of exclusion group "
                  + quote(key.textValue())
                  + " overlaps ["
                  + r.start()
                  + ", "
                  + r.end()
                  + ") at "
                  + r.pointer());
          break;
        }
      }
      ranges.add(new Range(s, en, p));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Segments

  private void checkSegment(String name, JsonNode segment, String p) {
    if (!Json.isKey(name)) {
      report(p, "segment key " + quote(name) + " does not match " + KEY_PATTERN);
    }
    if (!segment.isObject()) {
      report(p, "a segment must be a JSON object, got " + typeOf(segment));
      return;
    }
    for (Map.Entry<String, JsonNode> e : Json.members(segment)) {
      String mp = member(p, e.getKey());
      JsonNode value = e.getValue();
      switch (e.getKey()) {
        case "key" -> {
          if (checkKey(mp, value, "segment key") && !value.textValue().equals(name)) {
            report(
                mp,
                "key " + quote(value.textValue()) + " differs from its member name " + quote(name));
          }
        }
        case "included", "excluded" -> {
          if (!value.isArray()) {
            report(mp, e.getKey() + " must be an array of unit keys, got " + typeOf(value));
          } else {
            for (int i = 0; i < value.size(); i++) {
              if (!value.get(i).isTextual()) {
                report(element(mp, i), "a unit key must be a string, got " + typeOf(value.get(i)));
              }
            }
          }
        }
        case "if" -> checkCondition(mp, value, 1);
        default -> unknownMember(mp, "segment");
      }
    }
    missing(p, segment, orderedSet("key"));
  }

  // ---------------------------------------------------------------------------------------------
  // Conditions

  private void checkCondition(String p, JsonNode condition, int depth) {
    if (depth > MAX_CONDITION_DEPTH) {
      report(p, "conditions nest deeper than " + MAX_CONDITION_DEPTH + " levels");
      return;
    }
    if (!condition.isObject()) {
      report(p, "a condition must be an object, got " + typeOf(condition));
      return;
    }
    switch (shapeOf(condition)) {
      case NONE ->
          report(
              p,
              "not a condition: expected a leaf {attr, op, value|values}, "
                  + "{all}, {any}, {not} or {segment}");
      case MIXED ->
          report(
              p,
              "a condition is exactly one of a leaf {attr, op}, all, any, not "
                  + "or segment; this one mixes them");
      case ALL, ANY -> {
        String name = condition.has("all") ? "all" : "any";
        for (Map.Entry<String, JsonNode> e : Json.members(condition)) {
          String mp = member(p, e.getKey());
          JsonNode value = e.getValue();
          if (!e.getKey().equals(name)) {
            unknownMember(mp, "'" + name + "' condition");
          } else if (!value.isArray()) {
            report(mp, name + " must be an array of conditions, got " + typeOf(value));
          } else {
            for (int i = 0; i < value.size(); i++) {
              checkCondition(element(mp, i), value.get(i), depth + 1);
            }
          }
        }
      }
      case NOT -> {
        for (Map.Entry<String, JsonNode> e : Json.members(condition)) {
          String mp = member(p, e.getKey());
          if (!e.getKey().equals("not")) {
            unknownMember(mp, "'not' condition");
          } else {
            checkCondition(mp, e.getValue(), depth + 1);
          }
        }
      }
      case SEGMENT -> {
        for (Map.Entry<String, JsonNode> e : Json.members(condition)) {
          String mp = member(p, e.getKey());
          JsonNode value = e.getValue();
          if (!e.getKey().equals("segment")) {
            unknownMember(mp, "segment condition");
          } else if (checkKey(mp, value, "segment key")) {
            if (segments != null && !segments.contains(value.textValue())) {
              report(mp, "unknown segment " + quote(value.textValue()));
            } else if (cyclePointers.contains(mp)) {
              report(mp, "segment " + quote(value.textValue()) + " lies on a segment cycle");
            }
          }
        }
      }
      case LEAF -> checkLeaf(p, condition);
      default -> throw new IllegalStateException();
    }
  }

  private void checkLeaf(String p, JsonNode leaf) {
    JsonNode opNode = leaf.get("op");
    String op =
        opNode != null && opNode.isTextual() && OPERATORS.contains(opNode.textValue())
            ? opNode.textValue()
            : null;
    boolean list = "in".equals(op) || "not_in".equals(op);
    for (Map.Entry<String, JsonNode> e : Json.members(leaf)) {
      String mp = member(p, e.getKey());
      JsonNode value = e.getValue();
      switch (e.getKey()) {
        case "attr" -> {
          if (!value.isTextual() || !Json.isAttributePath(value.textValue())) {
            report(
                mp,
                "attr must be an attribute name (non-empty, no empty dot segment), got "
                    + show(value));
          }
        }
        case "op" -> {
          if (op == null) {
            report(
                mp,
                (value.isTextual()
                        ? "unknown operator " + quote(value.textValue())
                        : "operator must be a string, got " + typeOf(value))
                    + "; expected one of "
                    + OPERATOR_LIST);
          }
        }
        case "value" -> {
          if (op == null) {
            break;
          } else if (list || op.equals("exists")) {
            report(
                mp,
                "unknown member 'value': "
                    + op
                    + (list ? " takes 'values', a list" : " takes no operand"));
          } else {
            checkOperand(mp, op, value);
          }
        }
        case "values" -> {
          if (op == null) {
            break;
          } else if (!list) {
            report(
                mp,
                "unknown member 'values': "
                    + op
                    + (op.equals("exists") ? " takes no operand" : " takes a single 'value'"));
          } else if (!value.isArray()) {
            report(
                mp, op + " takes an array of strings, numbers or booleans, got " + typeOf(value));
          } else {
            for (int i = 0; i < value.size(); i++) {
              JsonNode item = value.get(i);
              if (!Json.isScalar(item)) {
                report(
                    element(mp, i),
                    op + " values must be strings, numbers or booleans, got " + typeOf(item));
              }
            }
          }
        }
        default -> unknownMember(mp, "condition");
      }
    }
    Set<String> required = new LinkedHashSet<>(List.of("attr", "op"));
    if (op != null && !op.equals("exists")) {
      required.add(list ? "values" : "value");
    }
    missing(p, leaf, required);
  }

  private void checkOperand(String p, String op, JsonNode value) {
    switch (op) {
      case "eq", "neq" -> {
        if (!Json.isScalar(value)) {
          report(p, op + " takes a string, number or boolean, got " + typeOf(value));
        }
      }
      case "contains", "starts_with", "ends_with" -> {
        if (!value.isTextual()) {
          report(p, op + " takes a string, got " + typeOf(value));
        }
      }
      case "lt", "lte", "gt", "gte" -> {
        if (!value.isNumber()) {
          report(p, op + " takes a number, got " + typeOf(value));
        }
      }
      case "regex" -> {
        if (!value.isTextual()) {
          report(p, "regex takes a pattern string, got " + typeOf(value));
        } else {
          String problem = regexProblem(value.textValue());
          if (problem != null) {
            report(p, "invalid RE2 pattern: " + problem);
          }
        }
      }
      case "semver_eq", "semver_lt", "semver_lte", "semver_gt", "semver_gte" -> {
        if (!value.isTextual() || SemVer.parse(value.textValue()) == null) {
          report(
              p,
              op
                  + " takes a semantic version such as \"2.3.0\" or \"v2.3-beta\", got "
                  + show(value));
        }
      }
      case "before", "after" -> {
        boolean ok =
            value.isTextual()
                ? Timestamps.parseRfc3339Millis(value.textValue()) != Timestamps.INVALID
                : value.isNumber()
                    && Timestamps.fromEpochMillis(value.doubleValue()) != Timestamps.INVALID;
        if (!ok) {
          report(
              p,
              op
                  + " takes an RFC 3339 date-time or integral epoch milliseconds, got "
                  + show(value));
        }
      }
      default -> {}
    }
  }

  private static String regexProblem(String pattern) {
    try {
      Pattern.compile(pattern);
      return null;
    } catch (PatternSyntaxException e) {
      return e.getDescription() + (e.getPattern().isEmpty() ? "" : " at " + quote(e.getPattern()));
    } catch (RuntimeException e) {
      return String.valueOf(e.getMessage());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** Reports unless {@code value} is a string matching the key pattern; returns whether it is. */
  private boolean checkKey(String p, JsonNode value, String what) {
    if (Json.isKey(value)) {
      return true;
    }
    report(p, what + " must be a string matching " + KEY_PATTERN + ", got " + show(value));
    return false;
  }

  private void unknownMember(String p, String where) {
    report(p, "unknown member in " + where);
  }

  private void missing(String p, JsonNode object, Set<String> required) {
    for (String name : required) {
      if (!object.has(name)) {
        report(member(p, name), "missing required member '" + name + "'");
      }
    }
  }

  private void report(String path, String message) {
    diagnostics.add(new Diagnostic(path, message));
  }

  private static boolean isHex(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBase64(String s) {
    if (s.isEmpty() || s.length() % 4 != 0) {
      return false;
    }
    try {
      Base64.getDecoder().decode(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A value for a message: strings quoted, numbers and literals as is, containers by type. */
  private static String show(JsonNode value) {
    if (value == null) {
      return "nothing";
    }
    if (value.isTextual()) {
      return quote(value.textValue());
    }
    if (value.isNumber() || value.isBoolean() || value.isNull()) {
      return value.toString();
    }
    return typeOf(value);
  }

  private static Set<String> orderedSet(String... names) {
    return new LinkedHashSet<>(List.of(names));
  }
}
