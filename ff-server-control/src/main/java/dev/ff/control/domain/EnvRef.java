package dev.ff.control.domain;

import java.util.Objects;

/**
 * The address of an environment.
 *
 * @param org the organisation key
 * @param project the project key
 * @param env the environment key
 */
public record EnvRef(String org, String project, String env) {
  /** All keys are required. */
  public EnvRef {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(env, "env");
  }

  /**
   * The project of this environment.
   *
   * @return the project's address
   */
  public ProjectRef projectRef() {
    return new ProjectRef(org, project);
  }
}
