package dev.ff.control.domain;

import java.util.Objects;

/**
 * Who performs a call: recorded in {@code created_by}/{@code updated_by} and in the audit log.
 *
 * @param id a stable id: {@code user:<id>}, {@code token:<id>} or {@code system}
 * @param kind a user or an API token
 * @param display a human-readable name (email, token name)
 * @param correlationId the request's correlation id, stored with audit rows; may be null
 */
public record Actor(String id, Kind kind, String display, String correlationId) {

  /** The kinds of actors. */
  public enum Kind {
    /** A person signed in to the admin UI. */
    USER,
    /** An API token. */
    TOKEN
  }

  /** Checks the required members. */
  public Actor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(display, "display");
  }

  /**
   * An actor without a correlation id.
   *
   * @param id the stable id
   * @param kind the kind
   * @param display the display name
   */
  public Actor(String id, Kind kind, String display) {
    this(id, kind, display, null);
  }

  /**
   * The built-in actor of bootstrap code (migrations, the demo seed).
   *
   * @return the system actor
   */
  public static Actor system() {
    return new Actor("system", Kind.USER, "system");
  }

  /**
   * The same actor with a correlation id.
   *
   * @param correlationId the request's correlation id
   * @return a copy
   */
  public Actor withCorrelationId(String correlationId) {
    return new Actor(id, kind, display, correlationId);
  }
}
