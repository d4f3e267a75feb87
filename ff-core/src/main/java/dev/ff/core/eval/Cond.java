package dev.ff.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.ff.core.value.SemVer;
import dev.ff.core.value.Timestamps;
import java.util.Arrays;
import java.util.Set;

/**
 * A compiled condition. Implementations are immutable and allocation-free, except {@code regex}
 * with a pattern that is not a literal set, where RE2J allocates a little per search.
 *
 * <p>Node kinds are tested with {@code instanceof} on Jackson's node classes ({@link TextNode},
 * {@link NumericNode}, {@link BooleanNode}, {@link NullNode}, {@link ContainerNode}) rather than
 * {@code isTextual()} and friends: those dispatch through a virtual {@code getNodeType()} at call
 * sites that see every node type, which costs more than a type check on the hot path.
 */
abstract class Cond {
  /** Always true: the empty {@code all}. */
  static final Cond TRUE =
      new Cond() {
        @Override
        boolean test(JsonNode ctx, String key) {
          return true;
        }
      };

  /** Always false: the empty {@code any}. */
  static final Cond FALSE =
      new Cond() {
        @Override
        boolean test(JsonNode ctx, String key) {
          return false;
        }
      };

  /**
   * Tests the condition.
   *
   * @param ctx the context object
   * @param key the context key, or null when absent
   */
  abstract boolean test(JsonNode ctx, String key);

  /** The value at an attribute path, or null when missing (walking through a non-object). */
  static JsonNode resolve(String[] path, JsonNode ctx) {
    JsonNode n = ctx;
    for (String segment : path) {
      if (!(n instanceof ObjectNode o)) {
        return null;
      }
      n = o.get(segment);
    }
    return n;
  }

  /** {@code all}: every child holds. */
  static final class All extends Cond {
    private final Cond[] children;

    All(Cond[] children) {
      this.children = children;
    }

    @Override
    boolean test(JsonNode ctx, String key) {
      for (Cond c : children) {
        if (!c.test(ctx, key)) {
          return false;
        }
      }
      return true;
    }
  }

  /** {@code any}: some child holds. */
  static final class Any extends Cond {
    private final Cond[] children;

    Any(Cond[] children) {
      this.children = children;
    }

    @Override
    boolean test(JsonNode ctx, String key) {
      for (Cond c : children) {
        if (c.test(ctx, key)) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code not}. */
  static final class Not extends Cond {
    private final Cond child;

    Not(Cond child) {
      this.child = child;
    }

    @Override
    boolean test(JsonNode ctx, String key) {
      return !child.test(ctx, key);
    }
  }

  /** Segment membership. */
  static final class InSegment extends Cond {
    private final CompiledSegment segment;

    InSegment(CompiledSegment segment) {
      this.segment = segment;
    }

    @Override
    boolean test(JsonNode ctx, String key) {
      return segment.contains(ctx, key);
    }
  }

  /** {@code exists}: present and not null. */
  static final class Exists extends Cond {
    private final String[] path;

    Exists(String[] path) {
      this.path = path;
    }

    @Override
    boolean test(JsonNode ctx, String key) {
      JsonNode v = resolve(path, ctx);
      return v != null && !(v instanceof NullNode);
    }
  }

  /**
   * A positive operator: false on a missing attribute; on an array, holds if it holds for some
   * element that is not itself an array or object.
   */
  abstract static class Positive extends Cond {
    private final String[] path;

    Positive(String[] path) {
      this.path = path;
    }

    @Override
    final boolean test(JsonNode ctx, String key) {
      JsonNode v = resolve(path, ctx);
      return v != null && !(v instanceof NullNode) && holds(v);
    }

    /** The operator on a present value (array semantics included). */
    final boolean holds(JsonNode v) {
      if (v instanceof ArrayNode a) {
        for (int i = 0, n = a.size(); i < n; i++) {
          JsonNode e = a.get(i);
          if (!(e instanceof ContainerNode) && matches(e)) {
            return true;
          }
        }
        return false;
      }
      return !(v instanceof ContainerNode) && matches(v);
    }

    /** The operator on one scalar (possibly JSON null, which never matches). */
    abstract boolean matches(JsonNode v);
  }

  /** {@code neq}/{@code not_in}: false on a missing attribute, else not the positive twin. */
  static final class Negated extends Cond {
    private final String[] path;
    private final Positive twin;

    Negated(String[] path, Positive twin) {
      this.path = path;
      this.twin = twin;
    }

    @Override
    boolean test(JsonNode ctx, String key) {
      JsonNode v = resolve(path, ctx);
      return v != null && !(v instanceof NullNode) && !twin.holds(v);
    }
  }

  /** {@code eq} with a string operand. */
  static final class EqString extends Positive {
    private final String operand;

    EqString(String[] path, String operand) {
      super(path);
      this.operand = operand;
    }

    @Override
    boolean matches(JsonNode v) {
      return v instanceof TextNode t && operand.equals(t.textValue());
    }
  }

  /** {@code eq} with a number operand (IEEE-754 comparison, so 1 = 1.0). */
  static final class EqNumber extends Positive {
    private final double operand;

    EqNumber(String[] path, double operand) {
      super(path);
      this.operand = operand;
    }

    @Override
    boolean matches(JsonNode v) {
      return v instanceof NumericNode && v.doubleValue() == operand;
    }
  }

  /** {@code eq} with a boolean operand. */
  static final class EqBoolean extends Positive {
    private final boolean operand;

    EqBoolean(String[] path, boolean operand) {
      super(path);
      this.operand = operand;
    }

    @Override
    boolean matches(JsonNode v) {
      return v instanceof BooleanNode b && b.booleanValue() == operand;
    }
  }

  /** {@code in}: strings in a hash set, numbers in a sorted array, booleans as flags. */
  static final class In extends Positive {
    private final Set<String> strings;
    private final double[] numbers;
    private final boolean hasTrue;
    private final boolean hasFalse;

    In(
        String[] path,
        Set<String> strings,
        double[] sortedNumbers,
        boolean hasTrue,
        boolean hasFalse) {
      super(path);
      this.strings = strings;
      this.numbers = sortedNumbers;
      this.hasTrue = hasTrue;
      this.hasFalse = hasFalse;
    }

    @Override
    boolean matches(JsonNode v) {
      if (v instanceof TextNode t) {
        return strings.contains(t.textValue());
      }
      if (v instanceof NumericNode) {
        // + 0.0 turns -0.0 into 0.0: the operands are normalised the same way.
        return numbers.length > 0 && Arrays.binarySearch(numbers, v.doubleValue() + 0.0) >= 0;
      }
      if (v instanceof BooleanNode b) {
        return b.booleanValue() ? hasTrue : hasFalse;
      }
      return false;
    }
  }

  /** {@code contains}, {@code starts_with}, {@code ends_with}. */
  static final class StringTest extends Positive {
    enum Kind {
      CONTAINS,
      STARTS_WITH,
      ENDS_WITH
    }

    private final Kind kind;
    private final String operand;

    StringTest(String[] path, Kind kind, String operand) {
      super(path);
      this.kind = kind;
      this.operand = operand;
    }

    @Override
    boolean matches(JsonNode v) {
      if (!(v instanceof TextNode t)) {
        return false;
      }
      String s = t.textValue();
      return switch (kind) {
        case CONTAINS -> s.contains(operand);
        case STARTS_WITH -> s.startsWith(operand);
        case ENDS_WITH -> s.endsWith(operand);
      };
    }
  }

  /**
   * {@code regex}: RE2 unanchored search. Literal-set patterns are matched without the engine;
   * others reuse a per-thread matcher.
   */
  static final class Regex extends Positive {
    private final LiteralRegex literal;
    private final ThreadLocal<Matcher> matcher;

    Regex(String[] path, Pattern pattern) {
      super(path);
      this.literal = LiteralRegex.analyze(pattern.pattern());
      this.matcher = literal == null ? ThreadLocal.withInitial(() -> pattern.matcher("")) : null;
    }

    @Override
    boolean matches(JsonNode v) {
      if (!(v instanceof TextNode t)) {
        return false;
      }
      if (literal != null) {
        return literal.find(t.textValue());
      }
      return matcher.get().reset(t.textValue()).find();
    }
  }

  /** The comparison of {@code lt lte gt gte}, {@code semver_*}, {@code before}/{@code after}. */
  enum Cmp {
    EQ,
    LT,
    LTE,
    GT,
    GTE;

    boolean accepts(int c) {
      return switch (this) {
        case EQ -> c == 0;
        case LT -> c < 0;
        case LTE -> c <= 0;
        case GT -> c > 0;
        case GTE -> c >= 0;
      };
    }
  }

  /** {@code lt lte gt gte}: numbers only. */
  static final class NumberCompare extends Positive {
    private final Cmp cmp;
    private final double operand;

    NumberCompare(String[] path, Cmp cmp, double operand) {
      super(path);
      this.cmp = cmp;
      this.operand = operand;
    }

    @Override
    boolean matches(JsonNode v) {
      if (!(v instanceof NumericNode)) {
        return false;
      }
      double d = v.doubleValue();
      return switch (cmp) {
        case LT -> d < operand;
        case LTE -> d <= operand;
        case GT -> d > operand;
        case GTE -> d >= operand;
        case EQ -> d == operand;
      };
    }
  }

  /** {@code semver_*}: strings that parse as versions. */
  static final class SemVerCompare extends Positive {
    private final Cmp cmp;
    private final SemVer operand;

    SemVerCompare(String[] path, Cmp cmp, SemVer operand) {
      super(path);
      this.cmp = cmp;
      this.operand = operand;
    }

    @Override
    boolean matches(JsonNode v) {
      if (!(v instanceof TextNode t)) {
        return false;
      }
      int c = operand.compareText(t.textValue());
      return c != SemVer.INVALID && cmp.accepts(c);
    }
  }

  /** {@code before}/{@code after}: RFC 3339 strings or integral epoch milliseconds. */
  static final class DateCompare extends Positive {
    private final boolean before;
    private final long operand;

    DateCompare(String[] path, boolean before, long operand) {
      super(path);
      this.before = before;
      this.operand = operand;
    }

    @Override
    boolean matches(JsonNode v) {
      long t = millisOf(v);
      if (t == Timestamps.INVALID) {
        return false;
      }
      return before ? t < operand : t > operand;
    }

    /** An instant from a string or number node, or {@link Timestamps#INVALID}. */
    static long millisOf(JsonNode v) {
      if (v instanceof TextNode t) {
        return Timestamps.parseRfc3339Millis(t.textValue());
      }
      if (v instanceof NumericNode) {
        return Timestamps.fromEpochMillis(v.doubleValue());
      }
      return Timestamps.INVALID;
    }
  }
}
