package dev.ff.control.domain;

import java.util.Locale;

/** Roles, from the most to the least privileged. */
public enum Role {
  /** Everything, including membership and deleting the organisation. */
  OWNER,
  /** Everything but ownership. */
  ADMIN,
  /** Changes flags, segments, experiments and publishes. */
  EDITOR,
  /** Reads. */
  VIEWER;

  /**
   * The lowercase name used in JSON and in the database.
   *
   * @return e.g. {@code owner}
   */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether this role grants at least what another grants.
   *
   * @param other the required role
   * @return true when this role is the same or more privileged
   */
  public boolean covers(Role other) {
    return ordinal() <= other.ordinal();
  }
}
