package dev.ff.control.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a role applies: an organisation, a project of it, or an environment of a project. A scope
 * covers itself and every scope inside it (an organisation covers its projects and their
 * environments, a project its environments). Keys never contain {@code /}, so {@link #path()} is
 * unambiguous.
 *
 * @param org the organisation key
 * @param project the project key; empty for an organisation scope
 * @param env the environment key; empty unless {@code project} is present
 */
public record Scope(String org, Optional<String> project, Optional<String> env) {

  /** The kinds of scopes, from the widest. */
  public enum Kind {
    /** A whole organisation. */
    ORG,
    /** One project of an organisation. */
    PROJECT,
    /** One environment of a project. */
    ENV;

    /**
     * The lowercase name used in JSON and in the database.
     *
     * @return {@code org}, {@code project} or {@code env}
     */
    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Checks that an environment scope names its project. */
  public Scope {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(env, "env");
    if (env.isPresent() && project.isEmpty()) {
      throw new IllegalArgumentException("an environment scope needs its project");
    }
  }

  /**
   * An organisation scope.
   *
   * @param org the organisation key
   * @return the scope
   */
  public static Scope org(String org) {
    return new Scope(org, Optional.empty(), Optional.empty());
  }

  /**
   * A project scope.
   *
   * @param ref the project
   * @return the scope
   */
  public static Scope project(ProjectRef ref) {
    return new Scope(ref.org(), Optional.of(ref.project()), Optional.empty());
  }

  /**
   * An environment scope.
   *
   * @param ref the environment
   * @return the scope
   */
  public static Scope env(EnvRef ref) {
    return new Scope(ref.org(), Optional.of(ref.project()), Optional.of(ref.env()));
  }

  /**
   * The kind of this scope.
   *
   * @return org, project or env
   */
  public Kind kind() {
    if (env.isPresent()) {
      return Kind.ENV;
    }
    return project.isPresent() ? Kind.PROJECT : Kind.ORG;
  }

  /**
   * The environment of an environment scope.
   *
   * @return the environment; empty for organisation and project scopes
   */
  public Optional<EnvRef> envRef() {
    return env.map(e -> new EnvRef(org, project.orElseThrow(), e));
  }

  /**
   * The keys joined by {@code /}: {@code acme}, {@code acme/shop} or {@code acme/shop/prod}.
   *
   * @return the path
   */
  public String path() {
    StringBuilder path = new StringBuilder(org);
    project.ifPresent(p -> path.append('/').append(p));
    env.ifPresent(e -> path.append('/').append(e));
    return path.toString();
  }

  /**
   * Whether this scope is the other one or contains it.
   *
   * @param other the scope to test
   * @return true when a role held on this scope applies to {@code other}
   */
  public boolean covers(Scope other) {
    return org.equals(other.org)
        && (project.isEmpty() || project.equals(other.project))
        && (env.isEmpty() || env.equals(other.env));
  }

  @Override
  public String toString() {
    return kind().wire() + " " + path();
  }
}
