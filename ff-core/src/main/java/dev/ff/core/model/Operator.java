package dev.ff.core.model;

import java.util.HashMap;
import java.util.Map;

/** The operators of leaf conditions, with their wire names and operand shapes. */
public enum Operator {
  /** JSON equality with strict types. */
  EQ("eq", Operand.VALUE),
  /** Exact negation of {@link #EQ} on a present attribute. */
  NEQ("neq", Operand.VALUE),
  /** Equal to one of {@code values}. */
  IN("in", Operand.VALUES),
  /** Exact negation of {@link #IN} on a present attribute. */
  NOT_IN("not_in", Operand.VALUES),
  /** String contains the operand (case-sensitive). */
  CONTAINS("contains", Operand.VALUE),
  /** String starts with the operand. */
  STARTS_WITH("starts_with", Operand.VALUE),
  /** String ends with the operand. */
  ENDS_WITH("ends_with", Operand.VALUE),
  /** RE2 pattern found anywhere in the string. */
  REGEX("regex", Operand.VALUE),
  /** Number less than the operand. */
  LT("lt", Operand.VALUE),
  /** Number less than or equal to the operand. */
  LTE("lte", Operand.VALUE),
  /** Number greater than the operand. */
  GT("gt", Operand.VALUE),
  /** Number greater than or equal to the operand. */
  GTE("gte", Operand.VALUE),
  /** Same SemVer precedence. */
  SEMVER_EQ("semver_eq", Operand.VALUE),
  /** Lower SemVer precedence. */
  SEMVER_LT("semver_lt", Operand.VALUE),
  /** Lower or equal SemVer precedence. */
  SEMVER_LTE("semver_lte", Operand.VALUE),
  /** Higher SemVer precedence. */
  SEMVER_GT("semver_gt", Operand.VALUE),
  /** Higher or equal SemVer precedence. */
  SEMVER_GTE("semver_gte", Operand.VALUE),
  /** Instant strictly earlier than the operand. */
  BEFORE("before", Operand.VALUE),
  /** Instant strictly later than the operand. */
  AFTER("after", Operand.VALUE),
  /** Attribute present and not null. */
  EXISTS("exists", Operand.NONE);

  /** The operand member a leaf with this operator carries. */
  public enum Operand {
    /** No operand. */
    NONE,
    /** A single {@code value}. */
    VALUE,
    /** An array {@code values}. */
    VALUES
  }

  private static final Map<String, Operator> BY_WIRE = new HashMap<>();

  static {
    for (Operator op : values()) {
      BY_WIRE.put(op.wireName, op);
    }
  }

  private final String wireName;
  private final Operand operand;

  Operator(String wireName, Operand operand) {
    this.wireName = wireName;
    this.operand = operand;
  }

  /**
   * The name used in JSON documents.
   *
   * @return the wire name, e.g. {@code "not_in"}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * The operand member this operator takes.
   *
   * @return {@code NONE}, {@code VALUE} or {@code VALUES}
   */
  public Operand operand() {
    return operand;
  }

  /**
   * Whether this is a negative operator ({@code neq}, {@code not_in}): on an array attribute it
   * holds when its positive twin holds for no element.
   *
   * @return true for {@code neq} and {@code not_in}
   */
  public boolean isNegative() {
    return this == NEQ || this == NOT_IN;
  }

  /**
   * Looks an operator up by its wire name.
   *
   * @param name the wire name
   * @return the operator, or null when {@code name} names none
   */
  public static Operator fromWire(String name) {
    return name == null ? null : BY_WIRE.get(name);
  }
}
