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
 * <p><b>Dispatch.</b> Conditions are evaluated with the static {@link #test(Cond, ObjectNode,
 * String)}, which switches on the {@link #kind} tag and calls a method of the matching final class.
 * A virtual {@code test} would be megamorphic at every call site (the rule loop, {@code all},
 * {@code any}, segments all see many node classes), so HotSpot could inline none of them and every
 * condition would pay an indirect call, plus a second one for the operator. With the switch, each
 * branch is a direct call to a small final method that C2 inlines into one compiled {@code test}.
 *
 * <p><b>Values.</b> Leaves read a one-segment attribute path (the usual case) with a single {@link
 * ObjectNode#get(String)} of an interned name, and test the value's expected scalar type first;
 * arrays take a separate, colder path. Node kinds are tested with {@code instanceof} on Jackson's
 * node classes ({@link TextNode}, {@link NumericNode}, {@link BooleanNode}, {@link NullNode},
 * {@link ContainerNode}) rather than {@code isTextual()} and friends: those dispatch through a
 * virtual {@code getNodeType()} at call sites that see every node type.
 */
abstract sealed class Cond
    permits Cond.Const, Cond.All, Cond.Any, Cond.Not, Cond.InSegment, Cond.Leaf {
  // The kind tags of the switch in test(); one per final class (Const has two).
  static final int K_TRUE = 0;
  static final int K_FALSE = 1;
  static final int K_ALL = 2;
  static final int K_ANY = 3;
  static final int K_NOT = 4;
  static final int K_SEGMENT = 5;
  static final int K_EXISTS = 6;
  static final int K_NEGATED = 7;
  static final int K_EQ_STRING = 8;
  static final int K_EQ_NUMBER = 9;
  static final int K_EQ_BOOLEAN = 10;
  static final int K_IN = 11;
  static final int K_STRING_TEST = 12;
  static final int K_REGEX = 13;
  static final int K_NUMBER_COMPARE = 14;
  static final int K_SEMVER_COMPARE = 15;
  static final int K_DATE_COMPARE = 16;

  /** Always true: the empty {@code all}. */
  static final Cond TRUE = new Const(K_TRUE);

  /** Always false: the empty {@code any}. */
  static final Cond FALSE = new Const(K_FALSE);

  /** The class tag that {@link #test(Cond, ObjectNode, String)} switches on. */
  final int kind;

  Cond(int kind) {
    this.kind = kind;
  }

  /**
   * Tests a condition.
   *
   * @param c the condition
   * @param ctx the context object
   * @param key the context key, or null when absent
   * @return whether the condition holds
   */
  static boolean test(Cond c, ObjectNode ctx, String key) {
    // The casts cannot fail: each tag belongs to exactly one final class.
    return switch (c.kind) {
      case K_TRUE -> true;
      case K_FALSE -> false;
      case K_ALL -> ((All) c).test(ctx, key);
      case K_ANY -> ((Any) c).test(ctx, key);
      case K_NOT -> !test(((Not) c).child, ctx, key);
      case K_SEGMENT -> ((InSegment) c).segment.contains(ctx, key);
      case K_EXISTS -> ((Exists) c).test(ctx);
      case K_NEGATED -> ((Negated) c).test(ctx);
      case K_EQ_STRING -> ((EqString) c).test(ctx);
      case K_EQ_NUMBER -> ((EqNumber) c).test(ctx);
      case K_EQ_BOOLEAN -> ((EqBoolean) c).test(ctx);
      case K_IN -> ((In) c).test(ctx);
      case K_STRING_TEST -> ((StringTest) c).test(ctx);
      case K_REGEX -> ((Regex) c).test(ctx);
      case K_NUMBER_COMPARE -> ((NumberCompare) c).test(ctx);
      case K_SEMVER_COMPARE -> ((SemVerCompare) c).test(ctx);
      case K_DATE_COMPARE -> ((DateCompare) c).test(ctx);
      default -> throw new IllegalStateException("unknown condition kind " + c.kind);
    };
  }

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

  /** {@link #TRUE} and {@link #FALSE}. */
  static final class Const extends Cond {
    private Const(int kind) {
      super(kind);
    }
  }

  /** {@code all}: every child holds. */
  static final class All extends Cond {
    private final Cond[] children;

    All(Cond[] children) {
      super(K_ALL);
      this.children = children;
    }

    boolean test(ObjectNode ctx, String key) {
      for (Cond c : children) {
        if (!Cond.test(c, ctx, key)) {
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
      super(K_ANY);
      this.children = children;
    }

    boolean test(ObjectNode ctx, String key) {
      for (Cond c : children) {
        if (Cond.test(c, ctx, key)) {
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
      super(K_NOT);
      this.child = child;
    }
  }

  /** Segment membership. */
  static final class InSegment extends Cond {
    private final CompiledSegment segment;

    InSegment(CompiledSegment segment) {
      super(K_SEGMENT);
      this.segment = segment;
    }
  }

  /**
   * A condition on one attribute. A one-segment path (nearly every attribute) is read with a single
   * {@link ObjectNode#get(String)} of its interned name instead of the path walk.
   */
  abstract static sealed class Leaf extends Cond permits Exists, Negated, Positive {
    private final String[] path;
    // path[0] when the path has one segment, else null.
    private final String name;

    Leaf(int kind, String[] path) {
      super(kind);
      this.path = path;
      this.name = path.length == 1 ? path[0] : null;
    }

    /** The attribute value, or null when missing. */
    final JsonNode value(ObjectNode ctx) {
      return name != null ? ctx.get(name) : resolve(path, ctx);
    }
  }

  /** {@code exists}: present and not null. */
  static final class Exists extends Leaf {
    Exists(String[] path) {
      super(K_EXISTS, path);
    }

    boolean test(ObjectNode ctx) {
      JsonNode v = value(ctx);
      return v != null && !(v instanceof NullNode);
    }
  }

  /**
   * A positive operator: false on a missing attribute; on an array, holds if it holds for some
   * element that is not itself an array or object.
   *
   * <p>Every operator is false on JSON null and on objects, so each subclass's {@code test} checks
   * its own scalar type first and sends anything else to {@link #holdsOther}.
   */
  abstract static sealed class Positive extends Leaf
      permits EqString,
          EqNumber,
          EqBoolean,
          In,
          StringTest,
          Regex,
          NumberCompare,
          SemVerCompare,
          DateCompare {
    Positive(int kind, String[] path) {
      super(kind, path);
    }

    /** The operator on a present value (array semantics included). */
    final boolean holds(JsonNode v) {
      if (v instanceof ArrayNode a) {
        return anyElement(a);
      }
      return !(v instanceof ContainerNode) && matches(v);
    }

    /**
     * The operator on a value that is not of the subclass's fast-path type: false unless an array
     * with a matching scalar element.
     */
    final boolean holdsOther(JsonNode v) {
      return v instanceof ArrayNode a && anyElement(a);
    }

    private boolean anyElement(ArrayNode a) {
      for (int i = 0, n = a.size(); i < n; i++) {
        JsonNode e = a.get(i);
        if (!(e instanceof ContainerNode) && matches(e)) {
          return true;
        }
      }
      return false;
    }

    /** The operator on one scalar (possibly JSON null, which never matches). */
    abstract boolean matches(JsonNode v);
  }

  /** {@code neq}/{@code not_in}: false on a missing attribute, else not the positive twin. */
  static final class Negated extends Leaf {
    private final Positive twin;

    Negated(String[] path, Positive twin) {
      super(K_NEGATED, path);
      this.twin = twin;
    }

    boolean test(ObjectNode ctx) {
      JsonNode v = value(ctx);
      return v != null && !(v instanceof NullNode) && !twin.holds(v);
    }
  }

  /** {@code eq} with a string operand. */
  static final class EqString extends Positive {
    private final String operand;

    EqString(String[] path, String operand) {
      super(K_EQ_STRING, path);
      this.operand = operand;
    }

    boolean test(ObjectNode ctx) {
      JsonNode v = value(ctx);
      return v instanceof TextNode t ? operand.equals(t.textValue()) : holdsOther(v);
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
      super(K_EQ_NUMBER, path);
      this.operand = operand;
    }

    boolean test(ObjectNode ctx) {
      JsonNode v = value(ctx);
      return v instanceof NumericNode ? v.doubleValue() == operand : holdsOther(v);
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
      super(K_EQ_BOOLEAN, path);
      this.operand = operand;
    }

    boolean test(ObjectNode ctx) {
      JsonNode v = value(ctx);
      return v instanceof BooleanNode b ? b.booleanValue() == operand : holdsOther(v);
    }

    @Override
    boolean matches(JsonNode v) {
      return v instanceof BooleanNode b && b.booleanValue() == operand;
    }
  }

  /**
   * {@code in}: strings in a hash set (or, for a few strings, an array scanned with {@code
   * equals}), numbers in a sorted array, booleans as flags.
   */
  static final class In extends Positive {
    // Up to this many strings, a scan beats hashing: String.equals rejects a different length at
    // once, and a context string parsed from JSON has no cached hash code yet.
    private static final int SCAN_MAX = 8;

    private final Set<String> strings;
    private final String[] few;
    private final double[] numbers;
    private final boolean hasTrue;
    private final boolean hasFalse;

    In(
        String[] path,
        Set<String> strings,
        double[] sortedNumbers,
        boolean hasTrue,
        boolean hasFalse) {
      super(K_IN, path);
      this.strings = strings;
      this.few = strings.size() <= SCAN_MAX ? strings.toArray(new String[0]) : null;
      this.numbers = sortedNumbers;
      this.hasTrue = hasTrue;
      this.hasFalse = hasFalse;
    }

    boolean test(ObjectNode ctx) {
      JsonNode v = value(ctx);
      if (v instanceof TextNode t) {
        return containsString(t.textValue());
      }
      return v instanceof ArrayNode ? holdsOther(v) : matches(v);
    }

    private boolean containsString(String s) {
      if (few == null) {
        return strings.contains(s);
      }
      for (String candidate : few) {
        if (candidate.equals(s)) {
          return true;
        }
      }
      return false;
    }

    @Override
    boolean matches(JsonNode v) {
      if (v instanceof TextNode t) {
        return containsString(t.textValue());
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
      super(K_STRING_TEST, path);
      this.kind = kind;
      this.operand = operand;
    }

    boolean test(ObjectNode ctx) {
      JsonNode v = value(ctx);
      return v instanceof TextNode t ? on(t.textValue()) : holdsOther(v);
    }

    @Override
    boolean matches(JsonNode v) {
      return v instanceof TextNode t && on(t.textValue());
    }

    private boolean on(String s) {
      return switch (kind) {
        case CONTAINS -> s.contains(operand);
        case STARTS_WITH -> s.startsWith(operand);
        // regionMatches at the tail is what endsWith does, minus a call layer.
        case ENDS_WITH ->
            s.regionMatches(s.length() - operand.length(), operand, 0, operand.length());
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
      super(K_REGEX, path);
      this.literal = LiteralRegex.analyze(pattern.pattern());
      this.matcher = literal == null ? ThreadLocal.withInitial(() -> pattern.matcher("")) : null;
    }

    /** Whether the pattern takes the literal fast path (no regex engine). */
    boolean isLiteral() {
      return literal != null;
    }

    boolean test(ObjectNode ctx) {
      JsonNode v = value(ctx);
      return v instanceof TextNode t ? find(t.textValue()) : holdsOther(v);
    }

    @Override
    boolean matches(JsonNode v) {
      return v instanceof TextNode t && find(t.textValue());
    }

    private boolean find(String s) {
      if (literal != null) {
        return literal.find(s);
      }
      return matcher.get().reset(s).find();
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
      super(K_NUMBER_COMPARE, path);
      this.cmp = cmp;
      this.operand = operand;
    }

    boolean test(ObjectNode ctx) {
      JsonNode v = value(ctx);
      return v instanceof NumericNode ? on(v.doubleValue()) : holdsOther(v);
    }

    @Override
    boolean matches(JsonNode v) {
      return v instanceof NumericNode && on(v.doubleValue());
    }

    private boolean on(double d) {
      return switch (cmp) {
        case LT -> d < operand;
        case LTE -> d <= operand;
        case GT -> d > operand;
        case GTE -> d >= operand;
        case EQ -> d == operand;
      };
    }
  }

  /**
   * {@code semver_*}: strings that parse as versions.
   *
   * <p>Fast path: when the operand is written as plain {@code MAJOR[.MINOR[.PATCH]]} (no {@code v},
   * pre-release or build, each part at most {@value #PLAIN_DIGITS} digits), a context version of
   * the same plain form is compared part by part as {@code long}s in one pass. Anything else, and
   * every operand that is not plain, goes to {@link SemVer#compareText}, which defines the result.
   */
  static final class SemVerCompare extends Positive {
    // Up to 18 decimal digits fit in a long.
    private static final int PLAIN_DIGITS = 18;
    // comparePlain's answer for text that is not plain.
    private static final int NOT_PLAIN = 2;

    private final Cmp cmp;
    private final SemVer operand;
    // The operand's major, minor and patch when it is plain, else null.
    private final long[] plain;

    SemVerCompare(String[] path, Cmp cmp, SemVer operand, String operandText) {
      super(K_SEMVER_COMPARE, path);
      this.cmp = cmp;
      this.operand = operand;
      long[] parts = new long[3];
      boolean isPlain = comparePlain(operandText, new long[3], parts) != NOT_PLAIN;
      this.plain = isPlain ? parts : null;
    }

    boolean test(ObjectNode ctx) {
      JsonNode v = value(ctx);
      return v instanceof TextNode t ? on(t.textValue()) : holdsOther(v);
    }

    @Override
    boolean matches(JsonNode v) {
      return v instanceof TextNode t && on(t.textValue());
    }

    private boolean on(String s) {
      if (plain != null) {
        int c = comparePlain(s, plain, null);
        if (c != NOT_PLAIN) {
          return cmp.accepts(c);
        }
      }
      int c = operand.compareText(s);
      return c != SemVer.INVALID && cmp.accepts(c);
    }

    /**
     * Compares plain version text with a plain core: -1, 0 or 1 as {@code s} ranks below, equal to
     * or above it, or {@link #NOT_PLAIN}. Two plain versions have no pre-release, so their cores
     * decide. With {@code parts} non-null, also stores the parts of {@code s} there (missing parts
     * read as 0).
     */
    static int comparePlain(String s, long[] core, long[] parts) {
      int n = s.length();
      int i = 0;
      int c = 0;
      int part = 0;
      while (true) {
        int start = i;
        long v = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          v = v * 10 + (s.charAt(i) - '0');
          i++;
        }
        int len = i - start;
        if (len == 0 || len > PLAIN_DIGITS || (len > 1 && s.charAt(start) == '0')) {
          return NOT_PLAIN;
        }
        if (c == 0) {
          c = Long.compare(v, core[part]);
        }
        if (parts != null) {
          parts[part] = v;
        }
        part++;
        if (i < n && s.charAt(i) == '.' && part < 3) {
          i++;
          continue;
        }
        break;
      }
      if (i != n) {
        return NOT_PLAIN;
      }
      for (; part < 3 && c == 0; part++) {
        c = Long.compare(0, core[part]);
      }
      return Integer.signum(c);
    }
  }

  /** {@code before}/{@code after}: RFC 3339 strings or integral epoch milliseconds. */
  static final class DateCompare extends Positive {
    private final boolean before;
    private final long operand;

    DateCompare(String[] path, boolean before, long operand) {
      super(K_DATE_COMPARE, path);
      this.before = before;
      this.operand = operand;
    }

    boolean test(ObjectNode ctx) {
      JsonNode v = value(ctx);
      return v instanceof ArrayNode ? holdsOther(v) : matches(v);
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
