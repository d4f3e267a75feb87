package dev.ff.core.model;

/** The kind of values a flag serves. */
public enum FlagType {
  /** Exactly two variations, {@code true} and {@code false}. */
  BOOLEAN("boolean"),
  /** 2..64 variations whose values are all strings or all numbers. */
  MULTIVARIATE("multivariate"),
  /** 1..64 variations with any JSON values. */
  JSON("json");

  private final String wireName;

  FlagType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name used in JSON documents.
   *
   * @return the wire name, e.g. {@code "boolean"}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Looks a type up by its wire name.
   *
   * @param name the wire name
   * @return the type, or null when {@code name} names none
   */
  public static FlagType fromWire(String name) {
    for (FlagType t : values()) {
      if (t.wireName.equals(name)) {
        return t;
      }
    }
    return null;
  }
}
