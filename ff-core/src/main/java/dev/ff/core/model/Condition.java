package dev.ff.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/** A targeting condition: a leaf test on one attribute, a combinator or a segment reference. */
public sealed interface Condition
    permits Condition.All, Condition.Any, Condition.Not, Condition.SegmentRef, Condition.Leaf {

  /**
   * Holds when every child holds (true when empty).
   *
   * @param conditions the children
   */
  record All(List<Condition> conditions) implements Condition {
    /** Copies the children. */
    public All {
      conditions = List.copyOf(conditions);
    }
  }

  /**
   * Holds when some child holds (false when empty).
   *
   * @param conditions the children
   */
  record Any(List<Condition> conditions) implements Condition {
    /** Copies the children. */
    public Any {
      conditions = List.copyOf(conditions);
    }
  }

  /**
   * Holds when its child does not.
   *
   * @param condition the child
   */
  record Not(Condition condition) implements Condition {
    /** Checks the child. */
    public Not {
      Objects.requireNonNull(condition, "condition");
    }
  }

  /**
   * Holds when the context is a member of the segment.
   *
   * @param segment the segment key
   */
  record SegmentRef(String segment) implements Condition {
    /** Checks the key. */
    public SegmentRef {
      Objects.requireNonNull(segment, "segment");
    }
  }

  /**
   * A test of one attribute.
   *
   * @param attr the attribute path; dots walk into nested objects
   * @param op the operator
   * @param value the operand of a single-operand operator, null for {@code in}, {@code not_in} and
   *     {@code exists}
   * @param values the operands of {@code in}/{@code not_in}, empty for other operators
   */
  record Leaf(String attr, Operator op, JsonNode value, List<JsonNode> values)
      implements Condition {
    /** Checks the members and copies the operand list. */
    public Leaf {
      Objects.requireNonNull(attr, "attr");
      Objects.requireNonNull(op, "op");
      values = values == null ? List.of() : List.copyOf(values);
    }
  }
}
