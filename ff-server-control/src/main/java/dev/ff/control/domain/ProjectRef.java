package dev.ff.control.domain;

import java.util.Objects;

/**
 * The address of a project.
 *
 * @param org the organisation key
 * @param project the project key
 */
public record ProjectRef(String org, String project) {
  /** Both keys are required. */
  public ProjectRef {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(project, "project");
  }

  /**
   * An environment of this project.
   *
   * @param env the environment key
   * @return the environment's address
   */
  public EnvRef env(String env) {
    return new EnvRef(org, project, env);
  }
}
