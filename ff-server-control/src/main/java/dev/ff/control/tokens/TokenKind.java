package dev.ff.control.tokens;

import java.util.Locale;

/** What a token may do: administer (admin API) or read configs (SDK endpoints). */
public enum TokenKind {
  /** Admin API access; secrets start with {@code ffa_}. */
  ADMIN("ffa_"),
  /** SDK access to one environment; secrets start with {@code ffs_}. */
  SDK("ffs_");

  private final String prefix;

  TokenKind(String prefix) {
    this.prefix = prefix;
  }

  /**
   * The secret prefix of this kind.
   *
   * @return {@code ffa_} or {@code ffs_}
   */
  public String prefix() {
    return prefix;
  }

  /**
   * The lowercase name used in JSON and in the database.
   *
   * @return {@code admin} or {@code sdk}
   */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
