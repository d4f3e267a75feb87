package dev.ff.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.ff.core.bucket.Bucketing;
import dev.ff.core.model.Condition;
import dev.ff.core.model.ConfigDocument;
import dev.ff.core.model.Flag;
import dev.ff.core.model.Operator;
import dev.ff.core.model.Outcome;
import dev.ff.core.model.Prerequisite;
import dev.ff.core.model.Rollout;
import dev.ff.core.model.Rule;
import dev.ff.core.model.Segment;
import dev.ff.core.model.Variation;
import dev.ff.core.model.WeightedVariation;
import dev.ff.core.value.SemVer;
import dev.ff.core.value.Timestamps;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a config document into an immutable evaluation plan.
 *
 * <p>Compilation resolves every reference (prerequisite flags, segments, variations), splits
 * attribute paths, compiles regexes with RE2J, parses SemVer and date operands, puts {@code in}
 * operands into hash sets and sorted arrays, precomputes the bucketing hash prefixes and builds
 * every success {@link EvaluationResult} once. It expects a document the validator accepted and
 * raises {@link IllegalArgumentException} for anything it cannot compile: a dangling reference, a
 * prerequisite or segment cycle, an operand of the wrong kind, rollout weights that do not sum to
 * 10000, or conditions nested deeper than {@link #MAX_CONDITION_DEPTH}. Cycles are found without
 * recursion, so no input can exhaust the stack.
 */
public final class Compiler {
  /** The deepest condition nesting compiled. */
  public static final int MAX_CONDITION_DEPTH = 1000;

  private Compiler() {}

  /**
   * Compiles a document.
   *
   * @param doc the document
   * @return the plan
   * @throws IllegalArgumentException when the document cannot be compiled
   */
  public static CompiledConfig compile(ConfigDocument doc) {
    Map<String, CompiledSegment> segments = compileSegments(doc);
    Map<String, CompiledFlag> flags = new HashMap<>();
    Map<String, List<String>> prerequisiteGraph = new LinkedHashMap<>();
    for (Flag f : doc.flags().values()) {
      List<String> deps = new ArrayList<>();
      for (Prerequisite p : f.prerequisites()) {
        if (!doc.flags().containsKey(p.flag())) {
          throw new IllegalArgumentException(
              "flag " + f.key() + ": unknown prerequisite flag " + p.flag());
        }
        deps.add(p.flag());
      }
      prerequisiteGraph.put(f.key(), deps);
    }
    for (String key : dependencyOrder(prerequisiteGraph, "prerequisite")) {
      // Interned like attribute paths: a caller's literal flag key then matches by identity.
      flags.put(key.intern(), compileFlag(doc.flags().get(key), doc, flags, segments));
    }
    return new CompiledConfig(
        doc.env(),
        doc.project(),
        doc.version(),
        doc.salt(),
        flags,
        new ArrayList<>(doc.flags().keySet()));
  }

  private static Map<String, CompiledSegment> compileSegments(ConfigDocument doc) {
    Map<String, List<String>> graph = new LinkedHashMap<>();
    for (Segment s : doc.segments().values()) {
      List<String> refs = new ArrayList<>();
      if (s.condition() != null) {
        collectSegmentRefs(s.condition(), refs);
      }
      for (String r : refs) {
        if (!doc.segments().containsKey(r)) {
          throw new IllegalArgumentException("segment " + s.key() + ": unknown segment " + r);
        }
      }
      graph.put(s.key(), refs);
    }
    Map<String, CompiledSegment> out = new HashMap<>();
    for (String key : dependencyOrder(graph, "segment")) {
      Segment s = doc.segments().get(key);
      Cond c = s.condition() == null ? null : compileCondition(s.condition(), out, 0);
      out.put(
          key, new CompiledSegment(new HashSet<>(s.included()), new HashSet<>(s.excluded()), c));
    }
    return out;
  }

  /** The segment keys a condition references, found without recursion. */
  private static void collectSegmentRefs(Condition root, List<String> out) {
    Deque<Condition> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Condition c = stack.pop();
      if (c instanceof Condition.All a) {
        a.conditions().forEach(stack::push);
      } else if (c instanceof Condition.Any a) {
        a.conditions().forEach(stack::push);
      } else if (c instanceof Condition.Not n) {
        stack.push(n.condition());
      } else if (c instanceof Condition.SegmentRef r) {
        out.add(r.segment());
      }
    }
  }

  /**
   * Orders the nodes of a graph so that every node comes after the nodes it references, by an
   * iterative depth-first search.
   *
   * @throws IllegalArgumentException on a cycle
   */
  static List<String> dependencyOrder(Map<String, List<String>> graph, String what) {
    List<String> order = new ArrayList<>(graph.size());
    Map<String, Integer> state = new HashMap<>(); // absent: new, 1: on the path, 2: done
    Deque<String> path = new ArrayDeque<>();
    Deque<int[]> next = new ArrayDeque<>();
    for (String root : graph.keySet()) {
      if (state.containsKey(root)) {
        continue;
      }
      state.put(root, 1);
      path.push(root);
      next.push(new int[] {0});
      while (!path.isEmpty()) {
        String node = path.peek();
        int[] i = next.peek();
        List<String> deps = graph.getOrDefault(node, List.of());
        if (i[0] < deps.size()) {
          String dep = deps.get(i[0]++);
          Integer s = state.get(dep);
          if (s == null) {
            state.put(dep, 1);
            path.push(dep);
            next.push(new int[] {0});
          } else if (s == 1) {
            throw new IllegalArgumentException(what + " cycle through " + dep);
          }
        } else {
          state.put(node, 2);
          order.add(node);
          path.pop();
          next.pop();
        }
      }
    }
    return order;
  }

  private static CompiledFlag compileFlag(
      Flag f,
      ConfigDocument doc,
      Map<String, CompiledFlag> compiled,
      Map<String, CompiledSegment> segments) {
    long version = doc.version();
    boolean stringValued = !f.variations().isEmpty();
    for (Variation v : f.variations()) {
      stringValued &= v.value().isTextual();
    }
    Variation off = variation(f, f.offVariation());
    Variation def = variation(f, f.defaultVariation());
    EvaluationResult offResult = result(f, off, Reason.DISABLED, null, null, version);
    EvaluationResult prerequisiteFailed =
        result(f, off, Reason.PREREQUISITE_FAILED, null, null, version);
    EvaluationResult defaultResult = result(f, def, Reason.DEFAULT, null, null, version);

    int np = f.prerequisites().size();
    CompiledFlag[] prerequisites = new CompiledFlag[np];
    String[] prerequisiteVariations = new String[np];
    for (int i = 0; i < np; i++) {
      Prerequisite p = f.prerequisites().get(i);
      prerequisites[i] = compiled.get(p.flag());
      prerequisiteVariations[i] = p.variation();
    }

    int nr = f.rules().size();
    Cond[] conditions = new Cond[nr];
    EvaluationResult[] serves = new EvaluationResult[nr];
    CompiledRollout[] rollouts = new CompiledRollout[nr];
    for (int i = 0; i < nr; i++) {
      Rule r = f.rules().get(i);
      conditions[i] = compileCondition(r.condition(), segments, 0);
      if (r.outcome() instanceof Outcome.Serve s) {
        Variation v = variation(f, s.variation());
        serves[i] = result(f, v, Reason.TARGETING_MATCH, r.id(), null, version);
      } else {
        rollouts[i] = compileRollout(f, r, (Rollout) r.outcome(), doc);
      }
    }
    return new CompiledFlag(
        f.key(),
        f.type(),
        stringValued,
        f.enabled(),
        offResult,
        prerequisiteFailed,
        defaultResult,
        prerequisites,
        prerequisiteVariations,
        conditions,
        serves,
        rollouts);
  }

  static CompiledRollout compileRollout(Flag f, Rule r, Rollout ro, ConfigDocument doc) {
    int n = ro.variations().size();
    if (ro.coverage() < 0 || ro.coverage() > Rollout.FULL_COVERAGE) {
      throw new IllegalArgumentException(where(f, r) + ": coverage outside 0..10000");
    }
    int[] starts = new int[n];
    int[] ends = new int[n];
    EvaluationResult[] results = new EvaluationResult[n];
    long sum = 0;
    for (int i = 0; i < n; i++) {
      WeightedVariation w = ro.variations().get(i);
      if (w.weight() < 0) {
        throw new IllegalArgumentException(where(f, r) + ": negative weight");
      }
      starts[i] = (int) Math.min(sum, Bucketing.BUCKETS);
      ends[i] = (int) (starts[i] + (long) w.weight() * ro.coverage() / Rollout.FULL_COVERAGE);
      sum += w.weight();
      results[i] =
          result(
              f, variation(f, w.variation()), Reason.SPLIT, r.id(), ro.experiment(), doc.version());
    }
    if (sum != Bucketing.BUCKETS) {
      throw new IllegalArgumentException(where(f, r) + ": weights do not sum to 10000");
    }
    byte[] groupPrefix = null;
    int groupStart = 0;
    int groupEnd = 0;
    if (ro.exclusionGroup() != null) {
      groupPrefix = Bucketing.prefix(doc.salt(), "xg/" + ro.exclusionGroup().key());
      groupStart = ro.exclusionGroup().start();
      groupEnd = ro.exclusionGroup().end();
    }
    return new CompiledRollout(
        path(ro.bucketBy()),
        Bucketing.prefix(doc.salt(), ro.seed()),
        starts,
        ends,
        results,
        groupPrefix,
        groupStart,
        groupEnd);
  }

  private static String where(Flag f, Rule r) {
    return "flag " + f.key() + " rule " + r.id();
  }

  private static Variation variation(Flag f, String key) {
    int i = f.indexOfVariation(key);
    if (i < 0) {
      throw new IllegalArgumentException("flag " + f.key() + ": unknown variation " + key);
    }
    return f.variations().get(i);
  }

  private static EvaluationResult result(
      Flag f, Variation v, Reason reason, String ruleId, String experiment, long version) {
    return new EvaluationResult(
        f.key(), v.key(), v.value(), reason, ruleId, experiment != null, experiment, version, null);
  }

  /**
   * Splits an attribute path at dots. Segments are interned: Jackson interns the member names it
   * parses and Java interns literals, so context lookups usually match by identity.
   */
  static String[] path(String attr) {
    String[] parts = attr.split("\\.", -1);
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].isEmpty()) {
        throw new IllegalArgumentException("attribute path with an empty segment: " + attr);
      }
      parts[i] = parts[i].intern();
    }
    return parts;
  }

  private static Cond compileCondition(
      Condition c, Map<String, CompiledSegment> segments, int depth) {
    if (depth >= MAX_CONDITION_DEPTH) {
      throw new IllegalArgumentException("conditions nest too deeply");
    }
    if (c instanceof Condition.All a) {
      return a.conditions().isEmpty()
          ? Cond.TRUE
          : new Cond.All(children(a.conditions(), segments, depth));
    }
    if (c instanceof Condition.Any a) {
      return a.conditions().isEmpty()
          ? Cond.FALSE
          : new Cond.Any(children(a.conditions(), segments, depth));
    }
    if (c instanceof Condition.Not n) {
      return new Cond.Not(compileCondition(n.condition(), segments, depth + 1));
    }
    if (c instanceof Condition.SegmentRef r) {
      CompiledSegment s = segments.get(r.segment());
      if (s == null) {
        throw new IllegalArgumentException("unknown segment " + r.segment());
      }
      return new Cond.InSegment(s);
    }
    return compileLeaf((Condition.Leaf) c);
  }

  private static Cond[] children(
      List<Condition> list, Map<String, CompiledSegment> segments, int depth) {
    Cond[] out = new Cond[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = compileCondition(list.get(i), segments, depth + 1);
    }
    return out;
  }

  private static Cond compileLeaf(Condition.Leaf l) {
    String[] path = path(l.attr());
    Operator op = l.op();
    JsonNode v = l.value();
    if (op.operand() == Operator.Operand.VALUE && v == null) {
      throw new IllegalArgumentException(op.wireName() + " needs a value");
    }
    return switch (op) {
      case EQ -> eq(path, v);
      case NEQ -> new Cond.Negated(path, eq(path, v));
      case IN -> in(path, l.values());
      case NOT_IN -> new Cond.Negated(path, in(path, l.values()));
      case CONTAINS -> new Cond.StringTest(path, Cond.StringTest.Kind.CONTAINS, string(op, v));
      case STARTS_WITH ->
          new Cond.StringTest(path, Cond.StringTest.Kind.STARTS_WITH, string(op, v));
      case ENDS_WITH -> new Cond.StringTest(path, Cond.StringTest.Kind.ENDS_WITH, string(op, v));
      case REGEX -> new Cond.Regex(path, regex(string(op, v)));
      case LT -> new Cond.NumberCompare(path, Cond.Cmp.LT, number(op, v));
      case LTE -> new Cond.NumberCompare(path, Cond.Cmp.LTE, number(op, v));
      case GT -> new Cond.NumberCompare(path, Cond.Cmp.GT, number(op, v));
      case GTE -> new Cond.NumberCompare(path, Cond.Cmp.GTE, number(op, v));
      case SEMVER_EQ -> new Cond.SemVerCompare(path, Cond.Cmp.EQ, semver(op, v), v.textValue());
      case SEMVER_LT -> new Cond.SemVerCompare(path, Cond.Cmp.LT, semver(op, v), v.textValue());
      case SEMVER_LTE -> new Cond.SemVerCompare(path, Cond.Cmp.LTE, semver(op, v), v.textValue());
      case SEMVER_GT -> new Cond.SemVerCompare(path, Cond.Cmp.GT, semver(op, v), v.textValue());
      case SEMVER_GTE -> new Cond.SemVerCompare(path, Cond.Cmp.GTE, semver(op, v), v.textValue());
      case BEFORE -> new Cond.DateCompare(path, true, instant(op, v));
      case AFTER -> new Cond.DateCompare(path, false, instant(op, v));
      case EXISTS -> new Cond.Exists(path);
    };
  }

  private static Cond.Positive eq(String[] path, JsonNode v) {
    if (v.isTextual()) {
      return new Cond.EqString(path, v.textValue());
    }
    if (v.isNumber()) {
      return new Cond.EqNumber(path, v.doubleValue());
    }
    if (v.isBoolean()) {
      return new Cond.EqBoolean(path, v.booleanValue());
    }
    throw new IllegalArgumentException("eq/neq need a string, number or boolean value");
  }

  private static Cond.Positive in(String[] path, List<JsonNode> values) {
    Set<String> strings = new HashSet<>();
    double[] numbers = new double[values.size()];
    int count = 0;
    boolean hasTrue = false;
    boolean hasFalse = false;
    for (JsonNode v : values) {
      if (v.isTextual()) {
        strings.add(v.textValue());
      } else if (v.isNumber()) {
        numbers[count++] = v.doubleValue() + 0.0;
      } else if (v.isBoolean()) {
        hasTrue |= v.booleanValue();
        hasFalse |= !v.booleanValue();
      } else {
        throw new IllegalArgumentException("in/not_in need string, number or boolean values");
      }
    }
    double[] sorted = Arrays.copyOf(numbers, count);
    Arrays.sort(sorted);
    return new Cond.In(path, strings, sorted, hasTrue, hasFalse);
  }

  private static String string(Operator op, JsonNode v) {
    if (!v.isTextual()) {
      throw new IllegalArgumentException(op.wireName() + " needs a string value");
    }
    return v.textValue();
  }

  private static double number(Operator op, JsonNode v) {
    if (!v.isNumber()) {
      throw new IllegalArgumentException(op.wireName() + " needs a number value");
    }
    return v.doubleValue();
  }

  private static Pattern regex(String pattern) {
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("regex does not compile: " + e.getMessage(), e);
    }
  }

  private static SemVer semver(Operator op, JsonNode v) {
    SemVer s = v.isTextual() ? SemVer.parse(v.textValue()) : null;
    if (s == null) {
      throw new IllegalArgumentException(op.wireName() + " needs a valid version");
    }
    return s;
  }

  private static long instant(Operator op, JsonNode v) {
    long t = Cond.DateCompare.millisOf(v);
    if (t == Timestamps.INVALID) {
      throw new IllegalArgumentException(
          op.wireName() + " needs an RFC 3339 or epoch-millis value");
    }
    return t;
  }
}
